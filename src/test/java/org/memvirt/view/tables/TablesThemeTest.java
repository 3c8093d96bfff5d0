package org.memvirt.view.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.effect.DropShadow;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import javafx.util.Duration;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.tables.TableScenarios;
import org.memvirt.viewmodel.tables.TablesViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Tables view follows the window's theme (light, dark, projector) and the presenter's zoom:
 * the theme class and the font size sit on an ancestor, as the lesson window puts them.
 */
@ExtendWith(ApplicationExtension.class)
class TablesThemeTest {
    private static final List<String> THEMES = List.of("light", "dark", "projector");

    private final List<StepFrame> shadow = TableScenarios.shadow();
    private final StackPane window = new StackPane();
    private TablesViewModel viewModel;
    private TablesView view;

    @Start
    void start(Stage stage) {
        viewModel = new TablesViewModel();
        viewModel.setFrame(shadow.get(0));
        view = new TablesView(viewModel, Duration.ZERO);
        window.getChildren().add(view);
        window.getStyleClass().add("theme-light");
        window.setStyle("-fx-font-size: 14px;");
        // Monocle's headless screen is 1280 × 800; a larger window overflows its frame buffer
        stage.setScene(new Scene(window, 1260, 780));
        stage.show();
    }

    @AfterEach
    void modena() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null)).get();
    }

    /** What ThemeSwitcher does to the lesson window: the AtlantaFX base and the theme class. */
    private void theme(FxRobot robot, String name) {
        robot.interact(() -> {
            Application.setUserAgentStylesheet(name.equals("dark") ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            window.getStyleClass().removeIf(c -> c.startsWith("theme-"));
            window.getStyleClass().add("theme-" + name);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Up to the trapped store: a guest write, an exit, an updated shadow entry and two arrows. */
    private void stepToTheTrappedStore(FxRobot robot) {
        for (int i = 1; i <= 3; i++) {
            StepFrame frame = shadow.get(i);
            robot.interact(() -> viewModel.setFrame(frame));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Color background(Region region) {
        return (Color) region.getBackground().getFills().get(0).getFill();
    }

    @Test
    void aThemeSwitchRecoloursCardsTextBadgesAndArrows(FxRobot robot) {
        stepToTheTrappedStore(robot);
        Region column = robot.lookup("#column-guest").queryAs(Region.class);
        Label headline = robot.lookup("#tables-headline").queryAs(Label.class);
        Label guestBadge = robot.lookup(".badge-guest").queryAllAs(Label.class).stream()
                .filter(l -> !l.getStyleClass().contains("badge-read")).findFirst().orElseThrow();
        assertEquals(Color.WHITE, background(column));
        assertEquals(Color.web("#1f2328"), headline.getTextFill());
        assertEquals(Color.WHITE, guestBadge.getTextFill(), "white on the guest's blue");
        assertEquals(Color.web("#0072B2"), arrow(robot, "guest").getStroke());
        Paint lightHost = arrow(robot, "host").getStroke();

        theme(robot, "dark");

        assertEquals(Color.web("#161b22"), background(column), "a dark card");
        assertEquals(Color.web("#e6edf3"), headline.getTextFill(), "light text");
        assertEquals(Color.web("#161b22"), guestBadge.getTextFill(), "dark text on the brighter blue");
        assertEquals(Color.web("#56a3dc"), arrow(robot, "guest").getStroke());
        assertNotEquals(lightHost, arrow(robot, "host").getStroke());

        theme(robot, "projector");

        assertEquals(Color.BLACK, headline.getTextFill());
        assertEquals(Color.web("#005a8c"), arrow(robot, "guest").getStroke());
    }

    /** The arrow from a guest or a host (P2M) entry; the overlay redraws them when rows move. */
    private static Shape arrow(FxRobot robot, String from) {
        return robot.lookup(".link-overlay .link-line.link-from-" + from).queryAs(Shape.class);
    }

    @Test
    void aChangedEntryGlowsInTheThemesColourOfItsTable(FxRobot robot) {
        robot.interact(() -> {
            // a glow long enough to be caught mid-swell
            view = new TablesView(viewModel, Duration.seconds(60));
            window.getChildren().setAll(view);
        });
        theme(robot, "dark");

        robot.interact(() -> viewModel.setFrame(shadow.get(1)));
        WaitForAsyncUtils.waitForFxEvents();

        List<Color> glows = robot.lookup(".entry-card").queryAll().stream()
                .filter(n -> n.getEffect() instanceof DropShadow).map(n -> ((DropShadow) n.getEffect()).getColor())
                .distinct().toList();
        assertTrue(glows.contains(Color.web("#e39ccb")), "filled shadow entries glow in dark's shadow purple: " + glows);
        assertTrue(glows.stream().noneMatch(c -> c.equals(Color.web("#CC79A7")) || c.equals(Color.web("#0072B2"))),
                "no light-theme colour: " + glows);
    }

    @Test
    void theZoomGrowsTextBeatsIndentsAndArrowNumbers(FxRobot robot) {
        stepToTheTrappedStore(robot);
        Label headline = robot.lookup("#tables-headline").queryAs(Label.class);
        double headlineBefore = headline.getFont().getSize();
        double entryBefore = entryFont(robot);
        double beatBefore = robot.lookup("#beat-1").queryAs(Region.class).getMinWidth();
        double indentBefore = robot.lookup(".tree-guide").queryAs(Region.class).getWidth();
        double numberBefore = robot.lookup(".link-overlay .link-number").queryAs(Region.class).getHeight();

        robot.interact(() -> window.setStyle("-fx-font-size: 21px;"));
        // taller rows may push the linked rows out of view; stepping again brings them back
        robot.interact(() -> viewModel.setFrame(shadow.get(2)));
        stepToTheTrappedStore(robot);

        assertEquals(1.5 * headlineBefore, headline.getFont().getSize(), 0.1, "the headline zooms");
        assertEquals(21 * 1.214, entryFont(robot), 0.1, "an entry's index is a size up from the window's text");
        assertEquals(1.5 * entryBefore, entryFont(robot), 0.1);
        assertEquals(1.5 * beatBefore, robot.lookup("#beat-1").queryAs(Region.class).getMinWidth(), 0.5,
                "beats keep room for their words");
        assertEquals(1.5 * indentBefore, robot.lookup(".tree-guide").queryAs(Region.class).getWidth(), 0.5);
        assertEquals(1.5 * numberBefore, robot.lookup(".link-overlay .link-number").queryAs(Region.class).getHeight(),
                0.5, "the arrows' numbers grow with the text");
    }

    private static double entryFont(FxRobot robot) {
        return robot.lookup(".entry-index").queryAs(Label.class).getFont().getSize();
    }

    @Test
    void everyTextAndIconReadsOnItsBackgroundInEveryTheme(FxRobot robot) {
        // a fill with arrows, a trapped store and its update, a zap, and a nested walk's EPT
        List<StepFrame> frames = List.of(shadow.get(1), shadow.get(3), shadow.get(4), TableScenarios.nested().get(1));
        for (String theme : THEMES) {
            theme(robot, theme);
            for (StepFrame frame : frames) {
                robot.interact(() -> viewModel.setFrame(frame));
                WaitForAsyncUtils.waitForFxEvents();
                List<String> poor = new ArrayList<>();
                robot.interact(() -> collectPoorContrast(view, poor));
                assertEquals(List.of(), poor, theme + ", " + viewModel.getContent().headline()
                        + ": text below 4.5:1 or icons below 3:1 against what is behind them");
            }
        }
    }

    /**
     * Every text (4.5:1, WCAG AA) and icon (3:1) against the nearest background behind it; off chips
     * are faded on purpose (their dashed outline and the raw value carry the bit).
     */
    private static void collectPoorContrast(Parent parent, List<String> poor) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (!n.isVisible() || n.getStyleClass().contains("chip-off")) {
                continue;
            }
            if (n instanceof Labeled l && !l.getText().isEmpty() && l.getTextFill() instanceof Color c) {
                double worst = worstContrast(c, n);
                if (worst < 4.5) {
                    poor.add(String.format("%s \"%s\" %.2f", l.getStyleClass(), l.getText(), worst));
                }
            }
            if (n instanceof FontIcon i && i.getIconColor() instanceof Color c) {
                double worst = worstContrast(c, n);
                if (worst < 3) {
                    poor.add(String.format("%s %s %.2f", i.getStyleClass(), i.getIconLiteral(), worst));
                }
            }
            if (n instanceof Parent p) {
                collectPoorContrast(p, poor);
            }
        }
    }

    /** The lowest contrast of {@code color} against the colours behind {@code node}. */
    private static double worstContrast(Color color, Node node) {
        double worst = Double.MAX_VALUE;
        for (Color behind : behind(node)) {
            worst = Math.min(worst, contrast(color, behind));
        }
        return worst;
    }

    /** The colours of the nearest background at or above {@code node} (both of a hatching). */
    private static List<Color> behind(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                Paint top = fills.get(fills.size() - 1).getFill();
                if (top instanceof Color c && c.getOpacity() > 0) {
                    return List.of(c);
                }
                if (top instanceof LinearGradient g) {
                    return g.getStops().stream().map(Stop::getColor).toList();
                }
            }
        }
        return List.of(Color.WHITE);
    }

    /** WCAG 2 contrast ratio. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
