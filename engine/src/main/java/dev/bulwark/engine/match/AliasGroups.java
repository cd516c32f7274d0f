package dev.bulwark.engine.match;

import dev.bulwark.engine.advisory.Advisory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups advisory hits that describe the same vulnerability: two advisories are one vulnerability when either names
 * the other, or both name a common alias (a DSA and a GHSA both naming one CVE). Union-find over ids.
 */
final class AliasGroups {
    private AliasGroups() {
    }

    static <T> List<List<T>> group(List<T> hits, Function<T, String> idOf, AdvisoryLookup lookup) {
        Map<String, String> parent = new HashMap<>();
        Map<String, List<String>> aliasCache = new HashMap<>();
        for (T hit : hits) {
            String id = idOf.apply(hit);
            List<String> aliases = aliasCache.computeIfAbsent(id,
                    k -> lookup.advisory(k).map(Advisory::aliases).orElse(List.of()));
            find(parent, id);
            for (String alias : aliases) {
                union(parent, id, alias);
            }
        }
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T hit : hits) {
            groups.computeIfAbsent(find(parent, idOf.apply(hit)), k -> new ArrayList<>()).add(hit);
        }
        return new ArrayList<>(groups.values());
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (true) {
            String p = parent.putIfAbsent(root, root);
            if (p == null || p.equals(root)) {
                break;
            }
            root = p;
        }
        // path compression
        String cur = id;
        while (!cur.equals(root)) {
            String next = parent.get(cur);
            parent.put(cur, root);
            cur = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }
}
