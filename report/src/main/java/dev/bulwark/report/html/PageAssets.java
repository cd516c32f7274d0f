package dev.bulwark.report.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The page's one style sheet and one script; the script is allowed by its hash in the page's CSP. */
final class PageAssets {
    static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px;color:#111}
            h1{font-size:22px;margin:16px 0 4px}h2{font-size:18px;margin:24px 0 8px;display:inline-block}
            .meta{color:#555;margin:0}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0}
            .card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:110px}
            .card .n{display:block;font-size:22px;font-weight:600}
            .severity{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap}
            table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eee;padding:4px 6px;
            text-align:left;vertical-align:top}th{background:#f6f6f6}table.counts{width:auto}
            .sev{border-radius:4px;padding:1px 6px;color:#fff;font-size:12px;white-space:nowrap}
            .sev-critical{background:#7f1d1d}.sev-high{background:#dc2626}.sev-medium{background:#b45309}
            .sev-low{background:#2563eb}.sev-negligible{background:#6b7280}.sev-unknown{background:#4b5563}
            .kev{background:#000;color:#fff;border-radius:4px;padding:0 4px;font-size:11px}
            .epss{color:#555;font-size:12px}.cmd{font-family:monospace;font-size:12px;word-break:break-all}
            code{font-size:12px;word-break:break-all}.none{color:#166534}footer{color:#777;margin:24px 0}
            summary h2{margin:16px 0}tr.hidden{display:none}
            """;

    static final String SCRIPT = """
            (function(){var f=document.getElementById('filter');if(!f)return;f.hidden=false;
            function apply(){var on={};f.querySelectorAll('input[name=severity]').forEach(function(c){on[c.value]=c.checked;});
            document.querySelectorAll('tr[data-severity]').forEach(function(r){
            r.classList.toggle('hidden',!on[r.getAttribute('data-severity')]);});}
            f.addEventListener('change',apply);apply();})();""";

    private PageAssets() {
    }

    static String scriptHash() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
