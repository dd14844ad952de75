package org.soundalike.ui;

import com.vaadin.flow.server.VaadinServlet;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import org.soundalike.dataset.Catalog;
import org.soundalike.ui.service.RejectReport;
import org.soundalike.ui.service.ResultsService;
import org.soundalike.ui.service.RunResultsService;
import org.soundalike.ui.service.SearchService;
import org.soundalike.ui.service.ServingRun;

/**
 * The services the views call, one set per running dashboard. Kept as a servlet-context attribute
 * rather than a static, so that two dashboards in one JVM (as in the browser tests) stay apart.
 */
public record DashboardServices(
    DashboardConfig config, ResultsService results, RunResultsService runs, Optional<Catalog> catalog,
    SearchService search, Optional<ServingRun> servingRun, RejectReport rejects) {

  static final String ATTRIBUTE = DashboardServices.class.getName();

  /** The services of the dashboard handling the current request. */
  public static DashboardServices current() {
    return from(VaadinServlet.getCurrent().getServletContext());
  }

  public static DashboardServices from(ServletContext context) {
    Object services = context.getAttribute(ATTRIBUTE);
    if (services == null) {
      throw new IllegalStateException("the dashboard's services are not installed in this servlet context");
    }
    return (DashboardServices) services;
  }
}
