package org.memvirt.view.shell;

import javafx.application.Application;
import javafx.scene.Parent;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import org.memvirt.viewmodel.shell.Theme;

/**
 * Puts a theme on the window: AtlantaFX Primer light or dark as the base, the shell's own
 * stylesheet, and for a projector a high-contrast sheet on top (black on white, thick outlines,
 * larger targets). The style class on the root ({@code theme-light}, {@code theme-dark},
 * {@code theme-projector}) lets the views' sheets follow.
 */
final class ThemeSwitcher {
    static final String SHELL = css("shell.css");
    static final String DARK = css("shell-dark.css");
    static final String PROJECTOR = css("shell-projector.css");

    private ThemeSwitcher() {
    }

    static void apply(Parent root, Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStylesheets().removeAll(SHELL, DARK, PROJECTOR);
        root.getStylesheets().add(SHELL);
        if (theme == Theme.DARK) {
            root.getStylesheets().add(DARK);
        } else if (theme == Theme.PROJECTOR) {
            root.getStylesheets().add(PROJECTOR);
        }
        root.getStyleClass().removeAll("theme-light", "theme-dark", "theme-projector");
        root.getStyleClass().add("theme-" + theme.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String css(String name) {
        var url = ThemeSwitcher.class.getResource("/org/memvirt/view/" + name);
        return url == null ? name : url.toExternalForm();
    }
}
