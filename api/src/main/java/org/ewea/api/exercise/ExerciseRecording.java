package org.ewea.api.exercise;

import java.util.List;
import org.ewea.collectors.recording.FolderRecording;
import org.ewea.collectors.replay.WarcCaptures;

/**
 * What an exercise replays from one recording: a folder recording (its manifest names the sources and lists
 * captures) and any WARC files beside the manifest, whose records are attributed to the manifest's sources by their
 * EWEA-Source header (else their target's host), as the collectors' WARC replay does.
 *
 * @param folder the folder recording
 * @param warcs the WARC files in the folder, indexed
 */
public record ExerciseRecording(FolderRecording folder, List<Warc> warcs) {

    public ExerciseRecording {
        warcs = List.copyOf(warcs);
    }

    /**
     * One WARC file.
     *
     * @param fileName its name in the folder
     * @param captures its records, indexed in capture-time order
     */
    public record Warc(String fileName, WarcCaptures captures) {}
}
