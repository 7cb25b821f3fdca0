package org.vertebra.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/** Renders precompiled jte templates (src/main/jte) to UTF-8 bytes. */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public byte[] render(String template, Object model) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, model, output);
        return output.toByteArray();
    }
}
