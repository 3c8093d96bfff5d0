package org.memvirt.viewmodel.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * File names for exported pictures: one for the view on screen, and one per step when the whole
 * lesson is exported, numbered so that a file browser sorts them in lesson order.
 */
public final class ExportTargets {
    private ExportTargets() {
    }

    /**
     * One picture of a step.
     *
     * @param position the step (0 = before step 1)
     * @param file     where it goes
     */
    public record Target(int position, Path file) {
    }

    /** Every step of a lesson with {@code titles.size()} positions, in {@code folder}. */
    public static List<Target> allSteps(Path folder, List<String> titles) {
        int width = Math.max(2, String.valueOf(Math.max(0, titles.size() - 1)).length());
        List<Target> out = new ArrayList<>();
        for (int p = 0; p < titles.size(); p++) {
            String name = String.format(Locale.ROOT, "step-%0" + width + "d", p);
            String slug = slug(titles.get(p));
            out.add(new Target(p, folder.resolve(slug.isEmpty() ? name + ".png" : name + "-" + slug + ".png")));
        }
        return out;
    }

    /** A suggested name for a picture of the current view: {@code 02-nested-walk-step-05-walk.png}. */
    public static String viewFileName(String lessonLocation, int position, String view) {
        String file = lessonLocation == null ? "memvirt" : lessonLocation.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        if (dot > 0) {
            file = file.substring(0, dot);
        }
        String viewSlug = slug(view);
        return String.format(Locale.ROOT, "%s-step-%02d%s.png", slug(file).isEmpty() ? "memvirt" : slug(file),
                position, viewSlug.isEmpty() ? "" : "-" + viewSlug);
    }

    /** {@code file}, with {@code .png} appended unless it already ends so. */
    public static Path withPngExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? file : file.resolveSibling(name + ".png");
    }

    /** "References 1–4: where is the guest's PML4?" → "references-1-4-where-is-the-guest-s-pml4". */
    static String slug(String title) {
        String s = title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s;
    }
}
