package org.soundalike.ui.results;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.Locale;
import org.soundalike.eval.report.ExperimentReport;
import org.soundalike.ui.service.Formats;

/** The paper-shaped table as a plain HTML table: rows are variants and baselines, best per column in bold. */
final class ResultsTable {

  private ResultsTable() {}

  static Component of(ExperimentReport.Table table) {
    Element html = new Element("table");
    html.setAttribute("id", "results-table");
    html.getStyle().set("border-collapse", "collapse").set("font-variant-numeric", "tabular-nums");
    Element head = new Element("tr");
    for (String title : new String[] {"Variant", "Labels", "Seeds"}) {
      head.appendChild(cell("th", title, false));
    }
    table.columns().forEach(c -> head.appendChild(cell("th", c, false)));
    html.appendChild(new Element("thead").appendChild(head));
    Element body = new Element("tbody");
    Double fraction = null;
    for (ExperimentReport.Row row : table.rows()) {
      // The report's best is per label fraction: each fraction is its own block of the table.
      if (fraction == null || row.labelFraction() != fraction) {
        fraction = row.labelFraction();
        Element group = new Element("tr");
        Element title = cell("th", Formats.percent(fraction) + " of the training tracks labelled", false);
        title.setAttribute("colspan", Integer.toString(3 + table.columns().size()));
        title.getStyle().set("background", "var(--lumo-contrast-5pct)");
        body.appendChild(group.appendChild(title));
      }
      Element tr = new Element("tr");
      tr.setAttribute("data-row", row.name());
      tr.setAttribute("data-fraction", Double.toString(row.labelFraction()));
      tr.appendChild(cell("th", row.label() == null ? row.name() : row.label(), false));
      tr.appendChild(cell("td", Formats.percent(row.labelFraction()), false));
      tr.appendChild(cell("td", Integer.toString(row.seeds()), false));
      for (String column : table.columns()) {
        Double value = row.values().get(column);
        Element td = cell("td", value == null ? "—" : String.format(Locale.ROOT, "%.1f", value),
            row.best().contains(column));
        td.setAttribute("data-column", column);
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    html.appendChild(body);
    Div holder = new Div();
    holder.getStyle().set("overflow-x", "auto");
    holder.getElement().appendChild(html);
    return holder;
  }

  private static Element cell(String tag, String text, boolean best) {
    Element cell = new Element(tag);
    cell.getStyle().set("padding", "4px 10px").set("border-bottom", "1px solid var(--lumo-contrast-20pct)")
        .set("text-align", tag.equals("th") ? "left" : "right");
    if (best) {
      Element bold = new Element("b");
      bold.setText(text);
      // Lumo's <b> is only semi-bold (600); the paper's bold must stand out among the numbers.
      bold.getStyle().set("font-weight", "800");
      cell.appendChild(bold);
      cell.setAttribute("class", "best");
    } else {
      cell.setText(text);
    }
    return cell;
  }
}
