package org.lightlyjava.server.selection;

import java.util.ArrayList;
import java.util.List;

/** Disjoint sets over {@code 0 .. n-1}: union by size, path halving. */
final class UnionFind {

    private final int[] parent;
    private final int[] size;

    UnionFind(int n) {
        parent = new int[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
    }

    int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    boolean connected(int a, int b) {
        return find(a) == find(b);
    }

    void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (size[ra] < size[rb]) {
            int swap = ra;
            ra = rb;
            rb = swap;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
    }

    /** The sets of two or more, each ascending, ordered by their smallest member. */
    List<int[]> groups() {
        int n = parent.length;
        int[] groupOf = new int[n];
        int[] filled = new int[n];
        List<int[]> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int root = find(i);
            if (size[root] < 2) {
                continue;
            }
            if (groupOf[root] == 0) {
                groups.add(new int[size[root]]);
                groupOf[root] = groups.size();
            }
            int g = groupOf[root] - 1;
            groups.get(g)[filled[g]++] = i;
        }
        return groups;
    }
}
