package org.soundalike.ui;

import com.github.mvysny.vaadinboot.VaadinBoot;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.ui.api.ApiServlet;
import org.soundalike.ui.api.HealthServlet;
import org.soundalike.ui.api.TokenGuard;
import org.soundalike.ui.audio.CatalogAudioServlet;
import org.soundalike.ui.service.QueryEmbedder;
import org.soundalike.ui.service.RejectReport;
import org.soundalike.ui.service.ResultsService;
import org.soundalike.ui.service.RunResultsService;
import org.soundalike.ui.service.SearchService;
import org.soundalike.ui.service.ServingRun;
import org.soundalike.ui.service.TrackQueryEmbedder;
import org.soundalike.ui.service.UploadFolder;
import org.soundalike.ui.service.UploadPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The dashboard as a process: an embedded Jetty (Vaadin Boot) serving the Vaadin app in production
 * mode from the packaged classes, so it needs neither node nor a dev server.
 */
public final class DashboardServer implements AutoCloseable {

  private final DashboardConfig config;
  private final VaadinBoot boot;
  private final SearchService search;
  private final Optional<TrackQueryEmbedder> embedder;

  private DashboardServer(DashboardConfig config, VaadinBoot boot, SearchService search,
      Optional<TrackQueryEmbedder> embedder) {
    this.config = config;
    this.boot = boot;
    this.search = search;
    this.embedder = embedder;
  }

  /**
   * Starts the dashboard and returns once it answers.
   *
   * @throws org.soundalike.dataset.CatalogException when the catalog folder holds no catalog
   * @throws org.soundalike.run.RunFolderException when the run folder holds no checkpoint
   */
  public static DashboardServer start(DashboardConfig config) throws Exception {
    if (config.apiToken().isEmpty() && !InetAddress.getByName(config.host()).isLoopbackAddress()) {
      throw new IllegalArgumentException("listening on " + config.host() + " exposes search and uploads to the "
          + "network: set " + TokenGuard.TOKEN_VARIABLE + " to a secret token first (docs/dashboard.md), "
          + "or use --host 127.0.0.1");
    }
    Path uploads = UploadFolder.prepare(Path.of(System.getProperty("java.io.tmpdir")), config.port());
    Optional<Catalog> catalog = config.catalogDir().isPresent()
        ? Optional.of(Catalogs.open(config.catalogDir().get())) : Optional.empty();
    Optional<ServingRun> servingRun = config.run().map(ServingRun::read);
    // One encoder for the process: the upload pool's workers share it, each with its own graph.
    Optional<TrackQueryEmbedder> embedder =
        servingRun.map(run -> TrackQueryEmbedder.load(run, SearchService.WORKERS));
    SearchService search = new SearchService(config.esUrl(), config.esIndex(),
        embedder.map(QueryEmbedder.class::cast), config.uploads(), uploads);
    DashboardServices services = new DashboardServices(config, new ResultsService(config.resultsDir()),
        new RunResultsService(config.resultsDir()), catalog, search, servingRun,
        new RejectReport(config.rejects(), config.run()));
    // The app ships only the production bundle (vaadin-dev is excluded), and the build-info token
    // that would say so is not in target/classes when the tests or the launcher run from there.
    System.setProperty("vaadin.productionMode", "true");
    VaadinBoot boot = new VaadinBoot() {
      @Override
      protected void onStarted(WebAppContext context) throws IOException {
        super.onStarted(context);
        context.setAttribute(DashboardServices.ATTRIBUTE, services);
        context.addServlet(new ServletHolder(new CatalogAudioServlet(catalog)), CatalogAudioServlet.PATH + "/*");
        ServletHolder api = new ServletHolder(new ApiServlet(search));
        api.getRegistration().setMultipartConfig(ApiServlet.multipartConfig(config.uploads(), uploads));
        context.addServlet(api, ApiServlet.PATH + "/*");
        context.addServlet(new ServletHolder(new HealthServlet(search)), HealthServlet.PATH);
        config.apiToken().ifPresent(token -> context.addFilter(new FilterHolder(new TokenGuard(token)), "/*",
            EnumSet.of(DispatcherType.REQUEST)));
      }
    };
    boot.setPort(config.port());
    boot.listenOn(config.host());
    boot.openBrowserInDevMode(false);
    // Vaadin Boot prints a banner to stdout (with the wildcard address and a hint about Gradle
    // that does not apply here); stdout is kept for the one "SoundAlike dashboard: URL" line that
    // scripts wait for, so the banner goes to stderr with the server's log.
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      boot.start();
    } catch (Exception e) {
      search.close();
      embedder.ifPresent(TrackQueryEmbedder::close);
      throw e;
    } finally {
      System.setOut(stdout);
    }
    return new DashboardServer(config, boot, search, embedder);
  }

  /** The address to open, e.g. {@code http://localhost:8080/}. */
  public String url() {
    String host = config.host().equals("0.0.0.0") ? "localhost" : config.host();
    return "http://" + host + ":" + config.port() + "/";
  }

  public Path uploadFolder() {
    return search.uploadFolder();
  }

  @Override
  public void close() {
    boot.stop("closed");
    search.close();
    embedder.ifPresent(TrackQueryEmbedder::close);
  }

  /** {@code soundalike dashboard}: starts it, prints the URL, runs until the process is stopped. */
  @Command(name = "dashboard", mixinStandardHelpOptions = true,
      description = "Starts the web dashboard (results, similarity map, search) and prints its URL.")
  static final class Cli implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only; any other address "
            + "needs the token in " + TokenGuard.TOKEN_VARIABLE + ").")
    String host;

    @Option(names = "--results", paramLabel = "DIR", description = "Results folder: report.json and the runs' results.json files.")
    Path results;

    @Option(names = "--catalog", paramLabel = "DIR", description = "Catalog folder whose audio the dashboard may play.")
    Path catalog;

    @Option(names = "--run", paramLabel = "RUN",
        description = "Training run folder whose model embeds uploaded tracks for search (its best checkpoint). "
            + "Without it, upload search is off and 'More like this' still works.")
    Path run;

    @Option(names = "--rejects", paramLabel = "FILE",
        description = "The ingest pipeline's rejects.jsonl, shown with its reasons on the Runs page.")
    Path rejects;

    @Option(names = "--es-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:9200",
        description = "Elasticsearch that serves search (default: ${DEFAULT-VALUE}).")
    URI esUrl;

    @Option(names = "--es-index", defaultValue = "tracks",
        description = "Index or alias searched (default: ${DEFAULT-VALUE}).")
    String esIndex;

    @Option(names = "--upload-cap-mb", defaultValue = "20",
        description = "Largest upload accepted, in MB (default: ${DEFAULT-VALUE}).")
    int uploadCapMb;

    @Override
    public Integer call() throws Exception {
      DashboardConfig config = new DashboardConfig(host, port, Optional.ofNullable(results),
          Optional.ofNullable(catalog), Optional.ofNullable(run), Optional.ofNullable(rejects), esUrl, esIndex,
          new UploadPolicy(uploadCapMb * 1024L * 1024L, UploadPolicy.DEFAULT_MAX_SECONDS),
          Optional.ofNullable(System.getenv(TokenGuard.TOKEN_VARIABLE)));
      DashboardServer server = start(config);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dashboard-shutdown"));
      // Scripts start it in the background and wait for this line (or for the URL to answer).
      System.out.println("SoundAlike dashboard: " + server.url());
      System.out.flush();
      Thread.currentThread().join();
      return 0;
    }
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Cli());
    // A bad --catalog or a port in use is the person's to fix: say what, without a stack trace.
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      command.getErr().println("soundalike dashboard: " + e.getMessage());
      return 2;
    });
    System.exit(cli.execute(args));
  }
}
