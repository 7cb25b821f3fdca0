package org.vertebra.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load balancers and proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} a
 * node believes: addresses or CIDR blocks such as {@code 127.0.0.1, ::1, 10.0.0.0/8}. From
 * anyone else those headers are ignored, so a visitor cannot pick the address that rate limits
 * and sign-in throttling count against.
 */
public final class TrustedProxies {

    public static final String LOOPBACK = "127.0.0.1, ::1";

    private record Block(byte[] network, int bits) {
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Parses a comma-separated list; throws IllegalArgumentException naming the entry it cannot read. */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (!entry.isEmpty()) {
                blocks.add(block(entry));
            }
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    public boolean trusts(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : blocks) { // on every request's path: a loop, not a stream
            if (contains(block, bytes)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        if (!host.matches("[0-9a-f:.]+")) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
        }
        byte[] network;
        try {
            network = InetAddress.getByName(host).getAddress(); // a literal: no look-up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
        }
        int bits = network.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry + "' has no prefix length after the slash");
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("'" + entry + "' has a prefix length out of range");
            }
        }
        return new Block(network, bits);
    }

    private static boolean contains(Block block, byte[] address) {
        if (address.length != block.network().length) {
            return false;
        }
        int whole = block.bits() / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != block.network()[i]) {
                return false;
            }
        }
        int rest = block.bits() % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[whole] & mask) == (block.network()[whole] & mask);
    }
}
