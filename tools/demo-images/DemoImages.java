import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generates Vertebra's original demo illustrations (article heroes and author avatars).
 *
 * <p>Pure JDK (Java2D), deterministic: every random choice comes from a seed derived from the
 * slug, so running it twice writes the same pictures. No text is drawn.
 *
 * <p>Run from the repository root: {@code java tools/demo-images/DemoImages.java}
 * (an optional first argument names the repository root).
 */
public class DemoImages {

    static final int W = 1200;
    static final int H = 675;

    /** One article picture: gradient colours, accent colour, and the motif painter. */
    record Art(String slug, Color from, Color to, Color accent, Consumer<Ctx> motif) {}

    /** What a motif painter gets: the graphics (origin at the picture centre) and its palette. */
    record Ctx(Graphics2D g, Art art, Random rnd) {}

    static final Color INK = new Color(0xFB, 0xFC, 0xFD);
    static final Color SHADOW = new Color(0, 0, 0, 30);

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("pom.xml"))) {
            System.err.println("Run from the repository root (no pom.xml in " + root + ")");
            System.exit(2);
        }
        Path images = root.resolve("src/main/resources/demo/images");
        Path authors = root.resolve("src/main/resources/demo/authors");
        Files.createDirectories(images);
        Files.createDirectories(authors);

        List<Art> arts = List.of(
                new Art("what-an-orthopaedic-surgeon-does", hex(0x2A9D8F), hex(0x3A6EA5), hex(0xF4A261), DemoImages::surgeon),
                new Art("preparing-for-your-first-orthopaedic-visit", hex(0x4F7CAC), hex(0x7FB7BE), hex(0xF6BD60), DemoImages::clipboard),
                new Art("knee-arthroscopy-what-to-expect", hex(0x277DA1), hex(0x43AA8B), hex(0xF9C74F), DemoImages::kneeScope),
                new Art("hip-replacement-recovery-timeline", hex(0x3D5A80), hex(0x98C1D9), hex(0xEE6C4D), DemoImages::hipTimeline),
                new Art("low-back-pain-when-to-worry", hex(0xD97757), hex(0xF2B880), hex(0x2F4858), DemoImages::lowBack),
                new Art("sciatica-and-disc-herniation", hex(0x355070), hex(0x6D597A), hex(0xEAAC8B), DemoImages::sciatica),
                new Art("tennis-elbow-lateral-epicondylitis", hex(0x2D6A4F), hex(0x52B788), hex(0xFFD166), DemoImages::tennisElbow),
                new Art("frozen-shoulder-stages", hex(0x457B9D), hex(0xA8DADC), hex(0xF4A261), DemoImages::frozenShoulder),
                new Art("plantar-fasciitis-heel-pain", hex(0xF28482), hex(0xF6BD60), hex(0x3D405B), DemoImages::plantar),
                new Art("wrist-fracture-care", hex(0x5E60CE), hex(0x48BFE3), hex(0xFFD166), DemoImages::wrist),
                new Art("ankle-sprain-first-days", hex(0x1B998B), hex(0x2E86AB), hex(0xFF9F1C), DemoImages::ankle),
                new Art("bone-tumours-benign-and-malignant", hex(0x4A4E69), hex(0x9A8C98), hex(0xE9A06B), DemoImages::boneTumour),
                new Art("osteoporosis-bone-health", hex(0x6B9080), hex(0xA4C3B2), hex(0xF6BD60), DemoImages::osteoporosis),
                new Art("staying-active-with-arthritis", hex(0x2A9D8F), hex(0xE9C46A), hex(0xE76F51), DemoImages::active));

        for (Art art : arts) {
            Path out = images.resolve(art.slug() + ".png");
            writePng(render(art), out);
            System.out.printf("%-60s %6d bytes%n", root.relativize(out), Files.size(out));
        }
        avatar(authors.resolve("asha-raman.png"), hex(0x2A9D8F), hex(0xCDEDE8), hex(0x1F6F66), true);
        avatar(authors.resolve("daniel-okafor.png"), hex(0xE07A5F), hex(0xFBE0D6), hex(0x9C4A36), false);
        for (String a : List.of("asha-raman.png", "daniel-okafor.png")) {
            Path out = authors.resolve(a);
            System.out.printf("%-60s %6d bytes%n", root.relativize(out), Files.size(out));
        }
    }

    // ---------------------------------------------------------------- picture frame

    static BufferedImage render(Art art) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        smooth(g);
        Random rnd = new Random(art.slug().hashCode() * 31L + 7);

        // mostly top-to-bottom with a diagonal lean: looks soft and compresses well
        g.setPaint(new GradientPaint(W * 0.25f, 0, art.from(), W * 0.75f, H, art.to()));
        g.fillRect(0, 0, W, H);
        decorate(g, rnd, art);

        AffineTransform base = g.getTransform();
        g.translate(W / 2.0, H / 2.0);
        art.motif().accept(new Ctx(g, art, rnd));
        g.setTransform(base);
        g.dispose();
        return img;
    }

    /** Soft background shapes: a few large translucent circles, a dot grid, a thin ring. */
    static void decorate(Graphics2D g, Random rnd, Art art) {
        double[][] corners = {{0, 0}, {W, 0}, {0, H}, {W, H}};
        int first = rnd.nextInt(4);
        for (int i = 0; i < 3; i++) {
            double[] c = corners[(first + i) % 4];
            double r = 170 + rnd.nextInt(160);
            double x = c[0] + (c[0] == 0 ? 1 : -1) * rnd.nextInt(120);
            double y = c[1] + (c[1] == 0 ? 1 : -1) * rnd.nextInt(80);
            g.setColor(new Color(255, 255, 255, 14 + rnd.nextInt(14)));
            g.fill(circle(x, y, r));
        }
        // dot grid in the corner that got no circle
        double[] c = corners[(first + 3) % 4];
        double gx = c[0] == 0 ? 70 : W - 70 - 5 * 26;
        double gy = c[1] == 0 ? 60 : H - 60 - 3 * 26;
        g.setColor(new Color(255, 255, 255, 70));
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                g.fill(circle(gx + i * 26, gy + j * 26, 4));
            }
        }
        // one thin ring somewhere on the free side
        g.setColor(new Color(255, 255, 255, 55));
        g.setStroke(new BasicStroke(3f));
        double rx = rnd.nextBoolean() ? 150 + rnd.nextInt(80) : W - 150 - rnd.nextInt(80);
        double ry = 200 + rnd.nextInt(H - 400);
        g.draw(circle(rx, ry, 36 + rnd.nextInt(20)));
        g.setStroke(new BasicStroke(1f));
    }

    // ---------------------------------------------------------------- motifs

    static void surgeon(Ctx c) {
        Graphics2D g = c.g();
        g.scale(1.05, 1.05);
        Area bone = bone(-250, 150, 190, -120, 64);
        body(g, bone);
        // medical plus in an accent badge, overlapping the bone's lower right
        Shape badge = circle(165, 120, 105);
        shadow(g, badge);
        g.setColor(c.art().accent());
        g.fill(badge);
        Area plus = new Area(new RoundRectangle2D.Double(165 - 22, 120 - 62, 44, 124, 16, 16));
        plus.add(new Area(new RoundRectangle2D.Double(165 - 62, 120 - 22, 124, 44, 16, 16)));
        g.setColor(INK);
        g.fill(plus);
        rings(g, 165, 120, 105, 3, new Color(255, 255, 255, 60));
    }

    static void clipboard(Ctx c) {
        Graphics2D g = c.g();
        Color accent = c.art().accent();
        Shape board = new RoundRectangle2D.Double(-170, -230, 340, 460, 40, 40);
        body(g, new Area(board));
        Shape clip = new RoundRectangle2D.Double(-70, -262, 140, 64, 26, 26);
        shadow(g, clip);
        g.setColor(accent);
        g.fill(clip);
        g.setColor(c.art().from());
        g.fill(circle(0, -240, 11));
        Color line = mix(c.art().from(), INK, 0.55);
        for (int i = 0; i < 4; i++) {
            double y = -130 + i * 82;
            boolean done = i < 3;
            Shape box = circle(-105, y, 24);
            if (done) {
                g.setColor(accent);
                g.fill(box);
                Path2D tick = new Path2D.Double();
                tick.moveTo(-117, y + 1);
                tick.lineTo(-108, y + 10);
                tick.lineTo(-92, y - 9);
                g.setColor(INK);
                g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(tick);
            } else {
                g.setColor(line);
                g.setStroke(new BasicStroke(6f));
                g.draw(box);
            }
            g.setColor(line);
            double len = new double[] {190, 150, 175, 120}[i];
            g.fill(new RoundRectangle2D.Double(-62, y - 9, len, 18, 18, 18));
        }
        g.setStroke(new BasicStroke(1f));
    }

    static void kneeScope(Ctx c) {
        Graphics2D g = c.g();
        g.translate(-90, -10);
        // a leg in profile: thigh, shin, foot, with the knee joint highlighted
        Area leg = new Area(bar(-125, -245, 0, -20, 96));
        leg.add(new Area(bar(0, -20, -40, 215, 76)));
        leg.add(new Area(bar(-52, 238, 80, 248, 58)));
        leg.add(new Area(new Ellipse2D.Double(18, -62, 52, 78)));
        body(g, leg);
        g.setColor(c.art().accent());
        g.fill(circle(-4, -20, 56));
        g.setColor(new Color(255, 255, 255, 90));
        g.fill(circle(-20, -36, 15));
        // arthroscope entering the front of the knee from below
        double tx = 62, ty = 22;
        Shape scope = bar(tx, ty, 330, 150, 20);
        shadow(g, scope);
        g.setColor(INK);
        g.fill(scope);
        Shape handle = bar(300, 136, 410, 188, 46);
        shadow(g, handle);
        g.setColor(INK);
        g.fill(handle);
        g.setColor(c.art().accent());
        g.fill(circle(tx, ty, 13));
        g.fill(circle(390, 178, 10));
    }

    static void hipTimeline(Ctx c) {
        Graphics2D g = c.g();
        Color accent = c.art().accent();
        g.translate(-110, 0);
        // hip replacement: cup (socket shell), ball, neck and stem
        Area cup = new Area(new BasicStroke(30f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                .createStrokedShape(new Arc2D.Double(-112, -222, 224, 224, 20, 180, Arc2D.OPEN)));
        Area implant = new Area(bar(0, -110, 72, -32, 58));
        Path2D stem = new Path2D.Double();
        stem.moveTo(38, -20);
        stem.curveTo(58, -64, 102, -62, 118, -8);
        stem.curveTo(114, 70, 100, 160, 92, 250);
        stem.lineTo(58, 250);
        stem.curveTo(52, 160, 44, 60, 38, -20);
        stem.closePath();
        implant.add(new Area(stem));
        implant.add(cup);
        body(g, implant);
        Shape ball = circle(0, -110, 72);
        g.setColor(accent);
        g.fill(ball);
        g.setColor(new Color(255, 255, 255, 90));
        g.fill(circle(-24, -134, 18));
        // recovery timeline: a vertical track with stages filling up
        double x = 320;
        g.setColor(new Color(255, 255, 255, 120));
        g.fill(new RoundRectangle2D.Double(x - 4, -210, 8, 420, 8, 8));
        for (int i = 0; i < 4; i++) {
            double y = 195 - i * 130;
            Shape dot = circle(x, y, 30);
            if (i < 2) {
                shadow(g, dot);
                g.setColor(INK);
                g.fill(dot);
                g.setColor(accent);
                g.fill(circle(x, y, 13));
            } else {
                g.setColor(mix(c.art().from(), c.art().to(), 0.5));
                g.fill(dot);
                g.setColor(INK);
                g.setStroke(new BasicStroke(i == 2 ? 8f : 5f));
                g.draw(dot);
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    static void lowBack(Ctx c) {
        Graphics2D g = c.g();
        double[][] v = spine(g, c, 0, -262, 7, 64, 0, new int[] {4, 5});
        double[] low = v[5];
        rings(g, low[0], low[1] - 36, 118, 3, new Color(255, 255, 255, 100));
    }

    static void sciatica(Ctx c) {
        Graphics2D g = c.g();
        Color accent = c.art().accent();
        g.translate(-130, 0);
        double[][] v = spine(g, c, 0, -262, 7, 64, 0, new int[] {4});
        // herniated disc bulging out to one side, and the nerve it presses on
        double x = (v[4][0] + v[5][0]) / 2, y = (v[4][1] + v[5][1]) / 2;
        g.setColor(accent);
        g.fill(new Ellipse2D.Double(x + 40, y - 13, 50, 26));
        Path2D nerve = new Path2D.Double();
        nerve.moveTo(x + 78, y);
        nerve.curveTo(x + 170, y, x + 200, y + 70, x + 230, y + 130);
        nerve.quadTo(x + 260, y + 188, x + 330, y + 190);
        Shape ns = new BasicStroke(16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(nerve);
        shadow(g, ns);
        g.setColor(accent);
        g.fill(ns);
        for (int i = 1; i <= 3; i++) {
            g.fill(circle(x + 334 + i * 30, y + 190, 9 - i * 2));
        }
        rings(g, x + 64, y, 34, 3, new Color(255, 255, 255, 100));
    }

    static void tennisElbow(Ctx c) {
        Graphics2D g = c.g();
        g.translate(-80, 40);
        // abstract racket, drawn first so the hand holds its handle
        AffineTransform t = g.getTransform();
        g.translate(290, -220);
        g.rotate(Math.toRadians(35));
        Shape head = new Ellipse2D.Double(-80, -105, 160, 210);
        Area frame = new Area(new BasicStroke(18f).createStrokedShape(head));
        frame.add(new Area(bar(0, 105, 0, 225, 26)));
        body(g, frame);
        g.setClip(head);
        g.setColor(new Color(255, 255, 255, 110));
        g.setStroke(new BasicStroke(3f));
        for (int i = -2; i <= 2; i++) {
            g.draw(new Line2D.Double(i * 28, -120, i * 28, 120));
            g.draw(new Line2D.Double(-100, i * 36, 100, i * 36));
        }
        g.setClip(null);
        g.setTransform(t);
        joint(g, c, -260, -110, -30, 150, 165, -60, 70, 56);
        rings(g, -30, 150, 56, 2, new Color(255, 255, 255, 90));
        g.setColor(c.art().accent());
        g.fill(circle(415, 30, 20));
        g.setStroke(new BasicStroke(1f));
    }

    static void frozenShoulder(Ctx c) {
        Graphics2D g = c.g();
        Color accent = c.art().accent();
        g.translate(-120, 0);
        Area arm = new Area(bar(-270, -150, -30, -130, 56));
        arm.add(new Area(bar(0, -110, 50, 230, 74)));
        body(g, arm);
        Shape head = circle(0, -110, 66);
        shadow(g, head);
        g.setColor(mix(accent, INK, 0.25));
        g.fill(head);
        g.setColor(INK);
        g.setStroke(new BasicStroke(14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(-92, -202, 184, 184, 60, 150, Arc2D.OPEN));
        // three stages: freezing, frozen, thawing
        Color ice = new Color(0xE3, 0xF2, 0xF8);
        for (int i = 0; i < 3; i++) {
            double x = 290, y = -170 + i * 170;
            Shape s = circle(x, y, 58);
            shadow(g, s);
            g.setColor(i == 2 ? accent : (i == 1 ? INK : ice));
            g.fill(s);
            g.setColor(i == 2 ? INK : c.art().from());
            if (i < 2) {
                double r = i == 0 ? 26 : 36;
                g.setStroke(new BasicStroke(i == 0 ? 5f : 7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (int k = 0; k < 3; k++) {
                    double a = Math.PI / 3 * k + Math.PI / 2;
                    g.draw(new Line2D.Double(x - r * Math.cos(a), y - r * Math.sin(a), x + r * Math.cos(a), y + r * Math.sin(a)));
                }
            } else {
                g.fill(circle(x, y, 18));
                g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (int k = 0; k < 8; k++) {
                    double a = Math.PI / 4 * k;
                    g.draw(new Line2D.Double(x + 28 * Math.cos(a), y + 28 * Math.sin(a), x + 40 * Math.cos(a), y + 40 * Math.sin(a)));
                }
            }
        }
        g.setColor(new Color(255, 255, 255, 120));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 14f}, 0f));
        g.draw(new Line2D.Double(290, -102, 290, -68));
        g.draw(new Line2D.Double(290, 68, 290, 102));
        g.setStroke(new BasicStroke(1f));
    }

    static void plantar(Ctx c) {
        Graphics2D g = c.g();
        Color accent = c.art().accent();
        g.translate(-30, -20);
        g.scale(1.1, 1.1);
        body(g, new Area(foot()));
        // plantar fascia along the sole, and the sore heel
        Path2D fascia = new Path2D.Double();
        fascia.moveTo(-78, 150);
        fascia.quadTo(60, 118, 210, 152);
        g.setColor(accent);
        g.setStroke(new BasicStroke(12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(fascia);
        g.fill(circle(-80, 150, 26));
        rings(g, -80, 150, 26, 3, new Color(accent.getRed(), accent.getGreen(), accent.getBlue(), 110));
        g.setStroke(new BasicStroke(1f));
    }

    static void ankle(Ctx c) {
        Graphics2D g = c.g();
        Color accent = c.art().accent();
        g.translate(-110, -20);
        g.scale(1.05, 1.05);
        body(g, new Area(foot()));
        g.setColor(accent);
        g.fill(circle(-8, 30, 30));
        rings(g, -8, 30, 30, 3, new Color(accent.getRed(), accent.getGreen(), accent.getBlue(), 120));
        // ice cubes
        for (int i = 0; i < 2; i++) {
            AffineTransform t = g.getTransform();
            g.translate(330 + i * 95, -120 + i * 80);
            g.rotate(Math.toRadians(i == 0 ? -14 : 18));
            Shape cube = new RoundRectangle2D.Double(-48, -48, 96, 96, 26, 26);
            shadow(g, cube);
            g.setColor(new Color(0xE6, 0xF6, 0xFA));
            g.fill(cube);
            g.setColor(INK);
            g.fill(new RoundRectangle2D.Double(-30, -32, 34, 12, 12, 12));
            g.setColor(new Color(255, 255, 255, 200));
            g.setStroke(new BasicStroke(4f));
            g.draw(new RoundRectangle2D.Double(-48, -48, 96, 96, 26, 26));
            g.setTransform(t);
        }
        g.setStroke(new BasicStroke(1f));
    }

    static void wrist(Ctx c) {
        Graphics2D g = c.g();
        Color accent = c.art().accent();
        g.translate(-40, 20);
        Area arm = new Area(bar(-360, 40, 30, 10, 96));
        arm.add(new Area(new RoundRectangle2D.Double(10, -70, 170, 140, 60, 60)));
        double[][] fingers = {{170, -50, 290, -75}, {175, -15, 310, -20}, {172, 20, 300, 35}, {165, 50, 270, 80}};
        for (double[] f : fingers) {
            arm.add(new Area(bar(f[0], f[1], f[2], f[3], 34)));
        }
        arm.add(new Area(bar(60, -50, 130, -150, 38)));
        body(g, arm);
        // the fracture line across the forearm, just behind the wrist
        Path2D crack = new Path2D.Double();
        crack.moveTo(-82, -14);
        crack.lineTo(-66, 6);
        crack.lineTo(-88, 28);
        crack.lineTo(-68, 50);
        crack.lineTo(-84, 74);
        g.setColor(mix(c.art().from(), c.art().to(), 0.45));
        g.setStroke(new BasicStroke(9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(crack);
        // splint outline around the forearm
        AffineTransform t = g.getTransform();
        g.rotate(Math.atan2(-30, 390), -160, 25);
        g.setColor(accent);
        g.setStroke(new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {26f, 20f}, 0f));
        g.draw(new RoundRectangle2D.Double(-320, -50, 330, 150, 70, 70));
        g.setTransform(t);
        g.setStroke(new BasicStroke(1f));
    }

    static void boneTumour(Ctx c) {
        Graphics2D g = c.g();
        Color accent = c.art().accent();
        g.translate(-40, 0);
        body(g, bone(-280, 170, 230, -140, 70));
        double sx = 120, sy = -70;
        g.setColor(accent);
        g.fill(circle(sx, sy, 36));
        // magnifying glass over the spot
        Shape lens = circle(sx, sy, 100);
        g.setColor(new Color(255, 255, 255, 50));
        g.fill(lens);
        Area glass = new Area(new BasicStroke(18f).createStrokedShape(lens));
        glass.add(new Area(bar(sx + 78, sy + 78, sx + 190, sy + 190, 34)));
        body(g, glass);
        g.setColor(accent);
        g.fill(circle(sx + 190, sy + 190, 8));
    }

    static void osteoporosis(Ctx c) {
        Graphics2D g = c.g();
        Color accent = c.art().accent();
        g.translate(-20, 30);
        double w = 104;
        body(g, bone(-270, 0, 270, 0, w));
        // porous inner structure: holes kept well inside the shaft
        g.setColor(mix(c.art().from(), INK, 0.6));
        Random rnd = new Random(42);
        for (int i = 0; i < 15; i++) {
            double x = -215 + i * 31;
            for (int row = -1; row <= 1; row += 2) {
                double r = 6 + rnd.nextInt(7);
                double y = row * (14 + rnd.nextInt(8)) + (i % 2 == 0 ? 4 : -4);
                if (Math.abs(y) + r < w / 2 - 10) {
                    g.fill(circle(x + rnd.nextInt(9), y, r));
                }
            }
        }
        // a few calcium dots drifting away
        g.setColor(accent);
        g.fill(circle(240, -150, 22));
        g.fill(circle(310, -210, 14));
        g.fill(circle(180, -225, 10));
    }

    static void active(Ctx c) {
        Graphics2D g = c.g();
        Color accent = c.art().accent();
        g.translate(20, 10);
        // motion arcs behind the walker
        g.setColor(new Color(255, 255, 255, 110));
        g.setStroke(new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 3; i++) {
            double r = 150 + i * 45;
            g.draw(new Arc2D.Double(-40 - r, -40 - r, 2 * r, 2 * r, 150, 55, Arc2D.OPEN));
        }
        double w = 44;
        Area fig = new Area(bar(0, -130, -15, 30, 56));
        fig.add(new Area(bar(0, -115, -60, -45, w)));
        fig.add(new Area(bar(-60, -45, -105, 10, w)));
        fig.add(new Area(bar(0, -115, 60, -55, w)));
        fig.add(new Area(bar(60, -55, 120, -85, w)));
        fig.add(new Area(bar(-15, 30, 60, 120, w + 4)));
        fig.add(new Area(bar(60, 120, 45, 230, w + 4)));
        fig.add(new Area(bar(-15, 30, -55, 125, w + 4)));
        fig.add(new Area(bar(-55, 125, -135, 190, w + 4)));
        fig.add(new Area(circle(10, -205, 48)));
        body(g, fig);
        g.setColor(accent);
        g.fill(circle(60, 120, 20));
        g.fill(circle(-55, 125, 20));
        g.fill(circle(-60, -45, 15));
        g.fill(circle(60, -55, 15));
        // ground
        g.setColor(new Color(255, 255, 255, 130));
        g.fill(new RoundRectangle2D.Double(-260, 262, 520, 10, 10, 10));
        g.setStroke(new BasicStroke(1f));
    }

    // ---------------------------------------------------------------- shape kit

    /** Stylised spine (front view) of stacked rounded vertebrae; returns the vertebra centres. */
    static double[][] spine(Graphics2D g, Ctx c, double x0, double y0, int n, double step, double curve, int[] hot) {
        double[][] centres = new double[n][];
        Area bodies = new Area();
        for (int i = 0; i < n; i++) {
            double t = (double) i / (n - 1);
            double x = x0 + curve * Math.sin(t * Math.PI);
            double y = y0 + i * (step + 12);
            double w = 104 + i * 8, h = step - 12;
            centres[i] = new double[] {x, y + h / 2};
            bodies.add(new Area(new RoundRectangle2D.Double(x - w / 2, y, w, h, 26, 26)));
            // transverse processes: a slimmer bar across, slightly above the middle
            double ww = w + 86, wh = h * 0.42;
            bodies.add(new Area(new RoundRectangle2D.Double(x - ww / 2, y + h * 0.18, ww, wh, wh, wh)));
        }
        body(g, bodies);
        for (int i = 0; i < n - 1; i++) {
            double[] a = centres[i], b = centres[i + 1];
            double x = (a[0] + b[0]) / 2, y = (a[1] + b[1]) / 2;
            boolean isHot = false;
            for (int h : hot) {
                isHot |= h == i;
            }
            double w = 88 + i * 8;
            g.setColor(isHot ? c.art().accent() : mix(c.art().to(), INK, 0.45));
            g.fill(new RoundRectangle2D.Double(x - w / 2, y - 7, w, 14, 14, 14));
        }
        return centres;
    }

    /** Two bones meeting at a joint: a rounded bar from a to j, from j to b, and an accent joint. */
    static void joint(Graphics2D g, Ctx c, double ax, double ay, double jx, double jy, double bx, double by, double w, double r) {
        Area a = new Area(bar(ax, ay, jx, jy, w));
        a.add(new Area(bar(jx, jy, bx, by, w * 0.9)));
        body(g, a);
        Shape j = circle(jx, jy, r);
        g.setColor(c.art().accent());
        g.fill(j);
        g.setColor(new Color(255, 255, 255, 90));
        g.fill(circle(jx - r * 0.3, jy - r * 0.3, r * 0.28));
    }

    /** A long bone between two points: a shaft with two knuckles at each end. */
    static Area bone(double x1, double y1, double x2, double y2, double w) {
        Area a = new Area(new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                .createStrokedShape(new Line2D.Double(x1, y1, x2, y2)));
        double len = Math.hypot(x2 - x1, y2 - y1);
        double ux = (x2 - x1) / len, uy = (y2 - y1) / len;
        double px = -uy, py = ux;
        double r = w * 0.62, off = w * 0.5;
        for (int end = 0; end < 2; end++) {
            double ex = end == 0 ? x1 - ux * w * 0.15 : x2 + ux * w * 0.15;
            double ey = end == 0 ? y1 - uy * w * 0.15 : y2 + uy * w * 0.15;
            a.add(new Area(circle(ex + px * off, ey + py * off, r)));
            a.add(new Area(circle(ex - px * off, ey - py * off, r)));
        }
        return a;
    }

    /** Side view of a lower leg and foot, ankle near the origin. */
    static Shape foot() {
        Path2D p = new Path2D.Double();
        p.moveTo(-70, -240);
        p.lineTo(-62, 40);
        p.curveTo(-70, 95, -120, 110, -110, 150);
        p.curveTo(-102, 185, -60, 182, -20, 175);
        p.quadTo(90, 150, 215, 175);
        p.curveTo(275, 185, 300, 160, 280, 132);
        p.curveTo(250, 100, 160, 90, 90, 40);
        p.curveTo(60, 18, 45, -10, 42, -60);
        p.lineTo(40, -240);
        p.quadTo(-15, -262, -70, -240);
        p.closePath();
        return p;
    }

    static Shape bar(double x1, double y1, double x2, double y2, double w) {
        return new BasicStroke((float) w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                .createStrokedShape(new Line2D.Double(x1, y1, x2, y2));
    }

    static Ellipse2D circle(double x, double y, double r) {
        return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
    }

    /** The main white shape with a flat offset shadow. */
    static void body(Graphics2D g, Area a) {
        shadow(g, a);
        g.setColor(INK);
        g.fill(a);
    }

    static void shadow(Graphics2D g, Shape s) {
        AffineTransform t = g.getTransform();
        g.translate(10, 14);
        g.setColor(SHADOW);
        g.fill(s);
        g.setTransform(t);
    }

    static void rings(Graphics2D g, double x, double y, double r, int n, Color c) {
        g.setStroke(new BasicStroke(4f));
        for (int i = 1; i <= n; i++) {
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(20, c.getAlpha() - (i - 1) * 25)));
            g.draw(circle(x, y, r + i * 22));
        }
        g.setStroke(new BasicStroke(1f));
    }

    // ---------------------------------------------------------------- avatars

    static void avatar(Path out, Color bg, Color figure, Color hair, boolean longHair) throws IOException {
        int s = 400;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        smooth(g);
        g.setComposite(AlphaComposite.Src);
        Shape disc = circle(200, 200, 200);
        g.setColor(bg);
        g.fill(disc);
        g.setComposite(AlphaComposite.SrcOver);
        g.setClip(disc);
        g.setColor(new Color(255, 255, 255, 28));
        g.fill(circle(90, 80, 150));
        if (longHair) {
            g.setColor(hair);
            g.fill(new RoundRectangle2D.Double(112, 92, 176, 200, 150, 150));
        }
        g.setColor(figure);
        g.fill(new Ellipse2D.Double(60, 285, 280, 260));
        g.fill(new RoundRectangle2D.Double(175, 230, 50, 70, 20, 20));
        g.fill(new Ellipse2D.Double(133, 96, 134, 150));
        // hair: a cap over the head with a curved hairline (a side parting for the longer style)
        Area cap = new Area(new Ellipse2D.Double(127, 88, 146, 160));
        cap.subtract(new Area(longHair
                ? new Ellipse2D.Double(150, 132, 170, 170)
                : new Ellipse2D.Double(116, 134, 168, 170)));
        g.setColor(hair);
        g.fill(cap);
        g.dispose();
        writePng(img, out);
    }

    /** PNG at the strongest deflate level: flat colours and gradients shrink a lot. */
    static void writePng(BufferedImage img, Path out) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0f);
        Files.deleteIfExists(out);
        try (ImageOutputStream os = ImageIO.createImageOutputStream(out.toFile())) {
            w.setOutput(os);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
    }

    // ---------------------------------------------------------------- helpers

    static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    }

    static Color hex(int rgb) {
        return new Color(rgb);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
