package org.soundalike.eval;

import java.util.Arrays;

/**
 * The Barnes–Hut gradient (van der Maaten 2014): attraction over the sparse P exactly, repulsion
 * through a quadtree where a cell of width w whose centre of mass lies at distance d from the
 * point is summarised when w / d < θ. O(n log n) per iteration.
 */
final class BarnesHutTsneGradient implements TsneGradient {

  private final TsneAffinities.Sparse p;
  private final int n;
  private final double theta;
  private final RowRanges rows;

  BarnesHutTsneGradient(TsneAffinities.Sparse p, int n, double theta, RowRanges rows) {
    this.p = p;
    this.n = n;
    this.theta = theta;
    this.rows = rows;
  }

  @Override
  public void compute(double[] y, double exaggeration, double[] gradient) {
    QuadTree tree = new QuadTree(y, n);
    double[] rowSums = new double[n];
    double[] repulsion = new double[2 * n];
    double[] attraction = new double[2 * n];
    rows.run(n, (from, to) -> {
      int[] stack = new int[tree.maxStack()];
      double[] out = new double[3];
      for (int i = from; i < to; i++) {
        tree.repulsion(i, theta * theta, stack, out);
        rowSums[i] = out[0];
        repulsion[2 * i] = out[1];
        repulsion[2 * i + 1] = out[2];
        double ax = 0;
        double ay = 0;
        for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
          int j = p.columns()[e];
          double dx = y[2 * i] - y[2 * j];
          double dy = y[2 * i + 1] - y[2 * j + 1];
          double pw = exaggeration * p.values()[e] / (1 + dx * dx + dy * dy);
          ax += pw * dx;
          ay += pw * dy;
        }
        attraction[2 * i] = ax;
        attraction[2 * i + 1] = ay;
      }
    });
    TsneGradient.combine(attraction, repulsion, rowSums, gradient);
  }

  /** Σ p_ij log(p_ij / q_ij) over the sparse P, with Z estimated by the tree. */
  @Override
  public double klDivergence(double[] y) {
    QuadTree tree = new QuadTree(y, n);
    int[] stack = new int[tree.maxStack()];
    double[] out = new double[3];
    double z = 0;
    for (int i = 0; i < n; i++) {
      tree.repulsion(i, theta * theta, stack, out);
      z += out[0];
    }
    double kl = 0;
    for (int i = 0; i < n; i++) {
      for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
        double q = Math.max(ExactTsneGradient.weight(y, i, p.columns()[e]) / z, 1e-12);
        kl += p.values()[e] * Math.log(p.values()[e] / q);
      }
    }
    return kl;
  }

  /**
   * A point quadtree in flat arrays. A cell holds its point count and coordinate sums (centre of
   * mass); a leaf holds one point, or several when they coincide beyond {@link #MAX_DEPTH} splits.
   */
  static final class QuadTree {
    static final int MAX_DEPTH = 48;

    private final double[] y;
    private double[] centreX = new double[64];
    private double[] centreY = new double[64];
    private double[] half = new double[64];
    private int[] count = new int[64];
    private double[] sumX = new double[64];
    private double[] sumY = new double[64];
    private int[] firstChild = new int[64];
    private int[] point = new int[64];
    private final int[] leafOf;
    private int nodes;
    private int depth;

    QuadTree(double[] y, int n) {
      this.y = y;
      this.leafOf = new int[n];
      double minX = Double.POSITIVE_INFINITY;
      double minY = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        minX = Math.min(minX, y[2 * i]);
        maxX = Math.max(maxX, y[2 * i]);
        minY = Math.min(minY, y[2 * i + 1]);
        maxY = Math.max(maxY, y[2 * i + 1]);
      }
      double h = Math.max(maxX - minX, maxY - minY) / 2 * (1 + 1e-5) + 1e-12;
      newNode((minX + maxX) / 2, (minY + maxY) / 2, h);
      for (int i = 0; i < n; i++) {
        insert(i);
      }
    }

    int maxStack() {
      return 3 * depth + 8;
    }

    private int newNode(double cx, double cy, double h) {
      if (nodes == count.length) {
        int size = 2 * nodes;
        centreX = Arrays.copyOf(centreX, size);
        centreY = Arrays.copyOf(centreY, size);
        half = Arrays.copyOf(half, size);
        count = Arrays.copyOf(count, size);
        sumX = Arrays.copyOf(sumX, size);
        sumY = Arrays.copyOf(sumY, size);
        firstChild = Arrays.copyOf(firstChild, size);
        point = Arrays.copyOf(point, size);
      }
      centreX[nodes] = cx;
      centreY[nodes] = cy;
      half[nodes] = h;
      firstChild[nodes] = -1;
      point[nodes] = -1;
      return nodes++;
    }

    private void insert(int i) {
      double px = y[2 * i];
      double py = y[2 * i + 1];
      int node = 0;
      for (int level = 0; ; level++) {
        depth = Math.max(depth, level);
        count[node]++;
        sumX[node] += px;
        sumY[node] += py;
        if (firstChild[node] < 0) {
          if (count[node] == 1 || level == MAX_DEPTH) {
            if (count[node] == 1) {
              point[node] = i;
            }
            leafOf[i] = node;
            return;
          }
          // An occupied leaf splits: its point moves one level down, then i continues.
          int resident = point[node];
          point[node] = -1;
          split(node);
          int child = childFor(node, y[2 * resident], y[2 * resident + 1]);
          count[child] = 1;
          sumX[child] = y[2 * resident];
          sumY[child] = y[2 * resident + 1];
          point[child] = resident;
          leafOf[resident] = child;
        }
        node = childFor(node, px, py);
      }
    }

    private void split(int node) {
      double h = half[node] / 2;
      int first = newNode(centreX[node] - h, centreY[node] - h, h);
      newNode(centreX[node] + h, centreY[node] - h, h);
      newNode(centreX[node] - h, centreY[node] + h, h);
      newNode(centreX[node] + h, centreY[node] + h, h);
      firstChild[node] = first;
    }

    private int childFor(int node, double px, double py) {
      return firstChild[node] + (px >= centreX[node] ? 1 : 0) + (py >= centreY[node] ? 2 : 0);
    }

    /** out = {Σ w, Σ w² (y_i − y_j).x, Σ w² (y_i − y_j).y} over all j ≠ i, cells summarised when far. */
    void repulsion(int i, double thetaSquared, int[] stack, double[] out) {
      double px = y[2 * i];
      double py = y[2 * i + 1];
      double z = 0;
      double fx = 0;
      double fy = 0;
      int top = 0;
      stack[top++] = 0;
      while (top > 0) {
        int node = stack[--top];
        int m = count[node];
        if (m == 0) {
          continue;
        }
        double mx = sumX[node];
        double my = sumY[node];
        boolean leaf = firstChild[node] < 0;
        if (leaf && leafOf[i] == node) {
          // Leave i itself out of its own leaf.
          m--;
          mx -= px;
          my -= py;
          if (m == 0) {
            continue;
          }
        }
        double dx = px - mx / m;
        double dy = py - my / m;
        double d2 = dx * dx + dy * dy;
        double width = 2 * half[node];
        if (leaf || width * width < thetaSquared * d2) {
          double w = 1 / (1 + d2);
          z += m * w;
          fx += m * w * w * dx;
          fy += m * w * w * dy;
        } else {
          int c = firstChild[node];
          stack[top++] = c;
          stack[top++] = c + 1;
          stack[top++] = c + 2;
          stack[top++] = c + 3;
        }
      }
      out[0] = z;
      out[1] = fx;
      out[2] = fy;
    }
  }
}
