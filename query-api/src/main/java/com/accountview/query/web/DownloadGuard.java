package com.accountview.query.web;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The guard against reflected file downloads that Spring MVC's message converters give every body
 * they write, for the answers {@link ConditionalResponses#send} writes itself: a body sent to a path
 * whose last segment ends in an extension a browser might save and run
 * ({@code .../external-accounts/x.bat}, or {@code ...;x.bat}; an external id may contain dots) gets
 * {@code Content-Disposition: inline;filename=f.txt}. The same extensions count as safe as in Spring
 * MVC, whose content negotiation here maps none of its own. Stateless.
 */
final class DownloadGuard {

    static final String CONTENT_DISPOSITION = "inline;filename=f.txt";

    private static final Set<String> SAFE_EXTENSIONS = Set.of("txt", "text", "yml", "properties", "csv", "json",
            "xml", "atom", "rss", "png", "jpe", "jpeg", "jpg", "gif", "wbmp", "bmp");

    private DownloadGuard() {
    }

    /** Whether the body answering {@code request} needs the header. */
    static boolean applies(HttpServletRequest request) {
        String uri = UrlPathHelper.rawPathInstance.getOriginatingRequestUri(request);
        String last = uri.substring(uri.lastIndexOf('/') + 1);
        if (last.indexOf('.') < 0 && last.indexOf('%') < 0) {
            return false; // no extension, not even an encoded one: most requests end here
        }
        int semicolon = last.indexOf(';');
        String name = semicolon < 0 ? last : last.substring(0, semicolon);
        String parameters = semicolon < 0 ? "" : last.substring(semicolon);
        return !isSafe(request, name) || !isSafe(request, parameters);
    }

    private static boolean isSafe(HttpServletRequest request, String raw) {
        String extension = StringUtils.getFilenameExtension(UrlPathHelper.defaultInstance.decodeRequestString(request, raw));
        return !StringUtils.hasText(extension) || SAFE_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
    }
}
