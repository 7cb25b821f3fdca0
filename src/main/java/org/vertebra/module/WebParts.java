package org.vertebra.module;

import java.time.Clock;
import org.vertebra.admin.AdminShell;
import org.vertebra.layout.FrameService;
import org.vertebra.web.PageCache;
import org.vertebra.web.Templates;

/**
 * What every feature's routes share, built once by app/: the templates, the public page frame,
 * the admin's frame, the page cache, the site's address for links, and the clock.
 */
public record WebParts(Templates templates, FrameService frames, AdminShell adminShell, PageCache cache, String baseUrl,
                       Clock clock) {
}
