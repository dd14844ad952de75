package org.soundalike.ui.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * A Chart.js chart. Chart.js comes from its Maven Central webjar and the element is plain JS
 * ({@code META-INF/resources/soundalike/soundalike-chart.js}): Vaadin Charts is a paid component,
 * and an npm-built element would need an npm install this project cannot do.
 */
@Tag("soundalike-chart")
@JavaScript("context://webjars/chart.js/4.4.1/dist/chart.umd.js")
@JavaScript("context://soundalike/soundalike-chart.js")
public class ChartJs extends Component implements HasSize {

  public ChartJs(ObjectNode config) {
    setConfig(config);
    setWidthFull();
  }

  /** Replaces the whole chart; the JSON is a Chart.js configuration, see the element's header. */
  public final void setConfig(ObjectNode config) {
    getElement().setProperty("config", config.toString());
  }

  public void setChartHeight(String cssHeight) {
    getElement().setAttribute("chart-height", cssHeight);
  }

  /** Called with the {@code id} field of the point a person clicks (empty when it has none). */
  public Registration addPointClickListener(Consumer<String> listener) {
    return getElement().addEventListener("point-click",
        event -> listener.accept(event.getEventData().getString("event.detail.id")))
        .addEventData("event.detail.id");
  }
}
