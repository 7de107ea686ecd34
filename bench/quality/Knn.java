import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * kNN top-1 accuracy of embeddings: each test row votes among its k nearest training rows by cosine
 * similarity (majority of labels; a tie goes to the label with the larger summed similarity).
 * Usage: java Knn.java TRAIN.csv TEST.csv [K]   (embeddings.csv layout: filenames, values, labels)
 * Prints: knn_top1=0.8123 k=5 train=3000 test=1000 dim=32
 */
public class Knn {

    record Table(List<float[]> rows, List<Integer> labels) {}

    public static void main(String[] args) throws IOException {
        Table train = read(Path.of(args[0]));
        Table test = read(Path.of(args[1]));
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int correct = 0;
        for (int t = 0; t < test.rows().size(); t++) {
            float[] q = test.rows().get(t);
            int[] best = new int[k];
            double[] sims = new double[k];
            java.util.Arrays.fill(sims, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < train.rows().size(); i++) {
                double s = dot(q, train.rows().get(i));
                if (s > sims[k - 1]) {
                    int j = k - 1;
                    while (j > 0 && sims[j - 1] < s) {
                        sims[j] = sims[j - 1];
                        best[j] = best[j - 1];
                        j--;
                    }
                    sims[j] = s;
                    best[j] = i;
                }
            }
            java.util.Map<Integer, double[]> votes = new java.util.HashMap<>();
            for (int j = 0; j < k; j++) {
                double[] v = votes.computeIfAbsent(train.labels().get(best[j]), l -> new double[2]);
                v[0] += 1;
                v[1] += sims[j];
            }
            int label =
                    votes.entrySet().stream()
                            .max((a, b) -> a.getValue()[0] != b.getValue()[0]
                                    ? Double.compare(a.getValue()[0], b.getValue()[0])
                                    : Double.compare(a.getValue()[1], b.getValue()[1]))
                            .orElseThrow()
                            .getKey();
            if (label == test.labels().get(t)) {
                correct++;
            }
        }
        System.out.printf(
                "knn_top1=%.4f k=%d train=%d test=%d dim=%d%n",
                (double) correct / test.rows().size(),
                k,
                train.rows().size(),
                test.rows().size(),
                train.rows().get(0).length);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Rows scaled to unit length, so the dot product is the cosine similarity. */
    static Table read(Path file) throws IOException {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.strip().split(",");
                float[] v = new float[cells.length - 2];
                double norm = 0;
                for (int i = 0; i < v.length; i++) {
                    v[i] = Float.parseFloat(cells[i + 1]);
                    norm += v[i] * v[i];
                }
                norm = Math.max(Math.sqrt(norm), 1e-12);
                for (int i = 0; i < v.length; i++) {
                    v[i] /= norm;
                }
                rows.add(v);
                labels.add(Integer.parseInt(cells[cells.length - 1]));
            }
        }
        return new Table(rows, labels);
    }
}
