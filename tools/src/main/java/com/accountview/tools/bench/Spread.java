package com.accountview.tools.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The median of one number measured in several runs, with the lowest and highest: the table shows
 * medians, since the machine is shared and a single run can be disturbed. Runs where the number was
 * not measured are left out. Immutable.
 */
record Spread(double median, double min, double max, int runs) {

    static Spread of(Collection<Double> values) {
        List<Double> sorted = new ArrayList<>();
        for (Double value : values) {
            if (value != null && !value.isNaN()) {
                sorted.add(value);
            }
        }
        if (sorted.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    boolean measured() {
        return runs > 0;
    }
}
