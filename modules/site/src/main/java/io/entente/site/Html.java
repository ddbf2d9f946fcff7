package io.entente.site;

/** HTML escaping and the parts every page shares. */
final class Html {
    /**
     * No inline script, no inline event handler, nothing from elsewhere: scripts, styles and images come
     * from the site's own files only. Inline style attributes stay allowed (the chart library's tooltips
     * set them); they cannot run code.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'";

    private Html() {
    }

    /** Text or an attribute value (always written in double quotes) as HTML. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Control characters other than tab and line breaks are not allowed in HTML text.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The start of a page up to and including {@code <body>}; {@code root} is the path to the site's root ("" or "../"). */
    static String head(String title, String root) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + root + "assets/site.css\">\n</head>\n<body>\n"
                + "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
                + "<nav class=\"top\" aria-label=\"Site\"><a href=\"" + root + "index.html\">Corpus</a> "
                + "<a href=\"" + root + "compare.html\">Compare</a></nav>\n";
    }
}
