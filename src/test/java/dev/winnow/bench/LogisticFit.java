package dev.winnow.bench;

/**
 * L2-regularised logistic regression with a fixed per-row offset, fitted by Newton's method. Objective:
 * mean log-loss + lambda × (sum of squared weights), the intercept not penalised. Returns the intercept
 * first, then one weight per column.
 */
final class LogisticFit {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    private LogisticFit() {
    }

    static double[] fit(double[][] x, double[] y, double[] offset, double lambda) {
        int n = y.length;
        int p = x.length == 0 ? 1 : x[0].length + 1;
        double[] w = new double[p];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            for (int i = 0; i < n; i++) {
                double[] r = withIntercept(x[i]);
                double prob = sigmoid(dot(w, r) + offset[i]);
                double g = (prob - y[i]) / n;
                double h = prob * (1 - prob) / n;
                for (int a = 0; a < p; a++) {
                    grad[a] += g * r[a];
                    for (int b = 0; b <= a; b++) {
                        hess[a][b] += h * r[a] * r[b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = a + 1; b < p; b++) {
                    hess[a][b] = hess[b][a];
                }
                if (a > 0) {
                    grad[a] += 2 * lambda * w[a];
                    hess[a][a] += 2 * lambda;
                }
            }
            double[] step = solve(hess, grad);
            double size = 0;
            for (int a = 0; a < p; a++) {
                w[a] -= step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    static double logLoss(double[][] x, double[] y, double[] offset, double[] w) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double prob = sigmoid(dot(w, withIntercept(x[i])) + offset[i]);
            prob = Math.min(1 - 1e-15, Math.max(1e-15, prob));
            sum -= y[i] * Math.log(prob) + (1 - y[i]) * Math.log(1 - prob);
        }
        return sum / y.length;
    }

    private static double[] withIntercept(double[] row) {
        double[] r = new double[row.length + 1];
        r[0] = 1;
        System.arraycopy(row, 0, r, 1, row.length);
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting (a is small and positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int p = b.length;
        double[][] m = new double[p][];
        for (int i = 0; i < p; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], p + 1);
            m[i][p] = b[i];
        }
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            for (int r = c + 1; r < p; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= p; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] out = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = m[r][p];
            for (int k = r + 1; k < p; k++) {
                s -= m[r][k] * out[k];
            }
            out[r] = s / m[r][r];
        }
        return out;
    }
}
