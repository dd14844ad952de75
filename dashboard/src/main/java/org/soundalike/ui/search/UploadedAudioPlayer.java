package org.soundalike.ui.search;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;

/**
 * Plays back the uploaded query from memory (it is at most the upload cap and never stored on
 * disk beyond its processing).
 */
@Tag("audio")
public class UploadedAudioPlayer extends Component {

  public UploadedAudioPlayer(String fileName, byte[] bytes) {
    setId("query-audio");
    getElement().setAttribute("controls", true);
    getElement().setAttribute("src", DownloadHandler.fromInputStream(event ->
        new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "application/octet-stream", bytes.length)));
  }
}
