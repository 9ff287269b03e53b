package dtaosim.studies.report.html;

/** Escapes text for HTML element content and quoted attribute values. */
final class HtmlText {
    private HtmlText() {
    }

    static String escape(final String text) {
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int k = 0; k < text.length(); k++) {
            final char ch = text.charAt(k);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
