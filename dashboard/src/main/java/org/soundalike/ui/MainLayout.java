package org.soundalike.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.soundalike.ui.map.MapView;
import org.soundalike.ui.results.ResultsView;
import org.soundalike.ui.runs.RunsView;
import org.soundalike.ui.search.SearchView;

/** The frame around every view: the app's name and the navigation between the views. */
public class MainLayout extends AppLayout {

  public MainLayout() {
    H1 title = new H1("SoundAlike");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    addToNavbar(new DrawerToggle(), title);
    SideNav nav = new SideNav();
    nav.addItem(new SideNavItem("Results", ResultsView.class));
    nav.addItem(new SideNavItem("Similarity map", MapView.class));
    nav.addItem(new SideNavItem("Search", SearchView.class));
    nav.addItem(new SideNavItem("Runs and catalog", RunsView.class));
    addToDrawer(nav);
  }
}
