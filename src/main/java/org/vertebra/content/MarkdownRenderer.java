package org.vertebra.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.text.TextContentNodeRendererContext;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.vertebra.language.Language;
import org.vertebra.language.MessageBundles;

/**
 * Turns an article's Markdown (CommonMark and GFM tables) into safe HTML, a table of contents
 * and a structured reference list. Raw HTML in the Markdown is allowed, then everything passes a
 * jsoup safelist, so an imported file cannot bring scripts, styles or event handlers.
 */
public final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final TextContentRenderer textRenderer = TextContentRenderer.builder()
            .extensions(EXTENSIONS)
            .nodeRendererFactory(WordsOnly::new)
            .build();

    private final MessageBundles bundles;

    /** With the shipped message bundles alone (tools and tests). */
    public MarkdownRenderer() {
        this(MessageBundles.shipped());
    }

    /** @param bundles the words of what the renderer adds itself (the video placeholder), in the article's language */
    public MarkdownRenderer(MessageBundles bundles) {
        this.bundles = bundles;
    }

    /** A body in English: for checks that look at its structure, not its words. */
    public RenderedBody render(String markdown, ImageSize.Lookup images) {
        return render(markdown, images, Language.ENGLISH);
    }

    public RenderedBody render(String markdown, ImageSize.Lookup images, Language lang) {
        Node document = parser.parse(markdown);
        List<Reference> references = takeReferences(document);
        Map<Node, String> headingIds = assignHeadingIds(document);
        HtmlRenderer html = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Heading && headingIds.containsKey(node)) {
                        attributes.put("id", headingIds.get(node));
                    } else if (node instanceof Image image) {
                        addImageAttributes(image, attributes, images);
                    }
                })
                .build();
        String safeHtml = VideoEmbeds.replace(sanitize(html.render(document)), bundles.of(lang));
        return new RenderedBody(safeHtml, tableOfContents(document, headingIds), references,
                textRenderer.render(document).strip());
    }

    private static void addImageAttributes(Image image, Map<String, String> attributes, ImageSize.Lookup images) {
        images.sizeOf(image.getDestination()).ifPresent(size -> {
            attributes.put("width", Integer.toString(size.width()));
            attributes.put("height", Integer.toString(size.height()));
        });
        attributes.put("loading", "lazy");
        attributes.put("decoding", "async");
    }

    /**
     * Removes the references section (see {@link ReferencesSection}) and returns its list items.
     * The page renders them as a numbered list with linked identifiers instead.
     */
    private List<Reference> takeReferences(Node document) {
        List<Node> section = ReferencesSection.of(document, textRenderer::render);
        List<Reference> references = new ArrayList<>();
        for (Node node : section) {
            if (node instanceof BulletList || node instanceof OrderedList) {
                for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                    references.add(reference((ListItem) item));
                }
            }
        }
        section.forEach(Node::unlink);
        return List.copyOf(references);
    }

    private Reference reference(ListItem item) {
        List<Link> links = new ArrayList<>();
        item.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link);
            }
        });
        // "[PubMed](...)" and its like link to other copies, not to the work: they are not its
        // address (but "[DOI](https://doi.org/...)" names its DOI), and their words stay apart from
        // a DOI written just before them.
        List<Link> labels = links.stream().filter(link -> IdentifierText.isLinkLabel(textRenderer.render(link))).toList();
        labels.forEach(MarkdownRenderer::setApart);
        // The text renderer prints nothing for a list item outside its list, so render its blocks.
        StringBuilder written = new StringBuilder();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            written.append(textRenderer.render(child)).append(' ');
        }
        String text = written.toString().replaceAll("\\s+", " ").strip();
        String linkUrl = links.stream()
                .filter(link -> !labels.contains(link) || ReferenceParser.isDoiAddress(link.getDestination())).findFirst()
                .map(Link::getDestination).filter(url -> url.startsWith("http")).orElse(null);
        Reference found = ReferenceParser.parse(text, linkUrl);
        if (found.pmid() != null) {
            return found;
        }
        // A "[PubMed](https://pubmed.ncbi.nlm.nih.gov/24660591/)" label names the work's PMID.
        String pmid = labels.stream().map(link -> ReferenceParser.pmidOfAddress(link.getDestination()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return pmid == null ? found : new Reference(found.text(), found.doi(), pmid, found.url());
    }

    /** A space before a label link that follows a word ("...60066-7.[PubMed](...)" would read as one). */
    private static void setApart(Link label) {
        if (label.getPrevious() instanceof Text before && !before.getLiteral().isEmpty()) {
            char last = before.getLiteral().charAt(before.getLiteral().length() - 1);
            if (!Character.isWhitespace(last) && !Character.isSpaceChar(last) && last != '[' && last != '(') {
                label.insertBefore(new Text(" "));
            }
        }
    }

    private Map<Node, String> assignHeadingIds(Node document) {
        IdGenerator ids = IdGenerator.builder().build();
        Map<Node, String> result = new java.util.IdentityHashMap<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = textRenderer.render(heading).strip();
                result.put(heading, ids.generateId(text.isEmpty() ? "section" : text));
            }
        });
        return result;
    }

    private List<TocEntry> tableOfContents(Node document, Map<Node, String> headingIds) {
        List<TocEntry> entries = new ArrayList<>();
        List<TocEntry> currentChildren = null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (!(node instanceof Heading heading) || heading.getLevel() < 2 || heading.getLevel() > 3) {
                continue;
            }
            String text = textRenderer.render(heading).strip();
            if (heading.getLevel() == 2 || currentChildren == null) {
                currentChildren = new ArrayList<>();
                entries.add(new TocEntry(headingIds.get(heading), text, currentChildren));
            } else {
                currentChildren.add(new TocEntry(headingIds.get(heading), text, List.of()));
            }
        }
        return entries.stream().map(e -> new TocEntry(e.id(), e.text(), List.copyOf(e.children()))).toList();
    }

    private static final Safelist SAFELIST = new BodySafelist();

    /**
     * Plain text keeps the words a reader sees: a link's words without its address, no raw HTML,
     * and no image (its description is for those who cannot see it, not a sentence of the text:
     * an excerpt that quotes it reads "Chairs in a bright [...]"), so excerpts, meta descriptions,
     * headings and search see clean text.
     */
    private static final class WordsOnly implements NodeRenderer {
        private final TextContentNodeRendererContext context;

        WordsOnly(TextContentNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, HtmlInline.class, HtmlBlock.class, Image.class, org.commonmark.node.ListItem.class,
                    SoftLineBreak.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Link) {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
            } else if (node instanceof HtmlBlock block) {
                context.getWriter().write(Jsoup.parseBodyFragment(block.getLiteral()).text());
                context.getWriter().block();
            } else if (node instanceof SoftLineBreak) {
                // A line wrapped in the Markdown is one sentence going on: line breaks in the text
                // are left for where blocks end, which search snippets show (search/BlockJoins).
                context.getWriter().write(' ');
            } else if (node instanceof org.commonmark.node.ListItem) {
                // The item's words without its "-" or "1." marker, which read as stray hyphens in search snippets.
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
                context.getWriter().block();
            }
        }
    }

    static String sanitize(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        // A base URI lets relative links (/media/..., #section) pass the protocol check; with
        // preserveRelativeLinks they are kept as written.
        return Jsoup.clean(html, "https://vertebra.invalid/", SAFELIST, output);
    }
}
