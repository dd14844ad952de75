package org.soundalike.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A progress line for long work: count done of total, rate, ETA and failures so far, printed
 * to stderr at most once per interval (and once at the end). Thread-safe.
 */
public final class Progress implements AutoCloseable {

  private final String label;
  private final String unit;
  private final long total;
  private final PrintStream out;
  private final LongSupplier clockNanos;
  private final long intervalNanos;
  private final long startNanos;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private long lastPrintNanos;
  private long lastPrintedCount = -1;

  public Progress(String label, String unit, long total) {
    this(label, unit, total, System.err, System::nanoTime, Duration.ofSeconds(2));
  }

  public Progress(String label, String unit, long total, PrintStream out, LongSupplier clockNanos, Duration interval) {
    this.label = label;
    this.unit = unit;
    this.total = total;
    this.out = out;
    this.clockNanos = clockNanos;
    this.intervalNanos = interval.toNanos();
    this.startNanos = clockNanos.getAsLong();
    this.lastPrintNanos = startNanos;
  }

  public void advance() {
    advance(1);
  }

  public void advance(long count) {
    done.addAndGet(count);
    maybePrint();
  }

  /** One item finished, but failed (it still counts as done). */
  public void fail() {
    failed.incrementAndGet();
    advance(1);
  }

  public long done() {
    return done.get();
  }

  private void maybePrint() {
    long now = clockNanos.getAsLong();
    synchronized (this) {
      if (now - lastPrintNanos < intervalNanos) {
        return;
      }
      lastPrintNanos = now;
      lastPrintedCount = done.get();
    }
    out.println(line(now));
  }

  /** For example {@code render: 120/400 tracks (30%), 4.1 tracks/s, ETA 1m08s, 2 failed}. */
  public String line(long nowNanos) {
    long count = done.get();
    double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
    double rate = count / seconds;
    StringBuilder s = new StringBuilder(label).append(": ").append(count);
    if (total > 0) {
      s.append('/').append(total).append(' ').append(unit);
      s.append(String.format(" (%d%%)", Math.round(100.0 * count / total)));
    } else {
      s.append(' ').append(unit);
    }
    s.append(String.format(", %.1f %s/s", rate, unit));
    if (total > 0 && count < total && rate > 0) {
      s.append(", ETA ").append(format(Duration.ofMillis((long) ((total - count) / rate * 1000))));
    } else {
      s.append(", elapsed ").append(format(Duration.ofMillis((long) (seconds * 1000))));
    }
    if (failed.get() > 0) {
      s.append(", ").append(failed.get()).append(" failed");
    }
    return s.toString();
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    if (s >= 3600) {
      return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
    return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }

  /** Prints the final line, unless the last periodic line already showed the final count. */
  @Override
  public void close() {
    synchronized (this) {
      if (lastPrintedCount == done.get()) {
        return;
      }
      lastPrintedCount = done.get();
    }
    out.println(line(clockNanos.getAsLong()));
  }
}
