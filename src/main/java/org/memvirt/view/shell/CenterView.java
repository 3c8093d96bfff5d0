package org.memvirt.view.shell;

import java.util.function.Supplier;

import javafx.scene.Node;

/**
 * One of the switchable views in the middle of the lesson window.
 *
 * @param title   the tab's title ("Walk", "Tables", "Host memory")
 * @param id      its node id and export name ("walk", "tables")
 * @param content makes the view, the first time it is shown (so views nobody opens cost nothing
 *                at startup)
 * @param tiles   whether it follows the lesson step and may be tiled beside the Walk
 */
public record CenterView(String title, String id, Supplier<Node> content, boolean tiles) {
}
