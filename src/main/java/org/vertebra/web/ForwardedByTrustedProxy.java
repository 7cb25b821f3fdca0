package org.vertebra.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Takes the visitor's address and scheme from {@code X-Forwarded-*} headers only when the
 * request comes straight from a trusted proxy; Jetty's own customizer does the reading.
 */
public final class ForwardedByTrustedProxy implements HttpConfiguration.Customizer {

    private final TrustedProxies proxies;
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    public ForwardedByTrustedProxy(TrustedProxies proxies) {
        this.proxies = proxies;
        forwarded.setForwardedOnly(false);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null && proxies.trusts(inet.getAddress())) {
            return forwarded.customize(request, responseHeaders);
        }
        return request;
    }
}
