package org.soundalike.ui.audio;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

/** The browser's own audio player, streaming a catalog track from {@link CatalogAudioServlet}. */
@Tag("audio")
public class AudioPlayer extends Component {

  public AudioPlayer(String trackId) {
    getElement().setAttribute("controls", true);
    getElement().setAttribute("preload", "none");
    // Relative: Vaadin's <base href> is the context root, wherever the app is deployed.
    getElement().setAttribute("src", CatalogAudioServlet.url(trackId).substring(1));
    getElement().setAttribute("data-track", trackId);
  }

  /** A player that starts at {@code seconds} into the track (a media fragment, {@code #t=}). */
  public static AudioPlayer startingAt(String trackId, double seconds) {
    AudioPlayer player = new AudioPlayer(trackId);
    player.getElement().setAttribute("src",
        player.getElement().getAttribute("src") + String.format(java.util.Locale.ROOT, "#t=%.2f", seconds));
    return player;
  }

  /** Starts playing (browsers allow it after the click that asked for it). */
  public void play() {
    getElement().callJsFunction("play");
  }
}
