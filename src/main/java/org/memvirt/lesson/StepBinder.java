package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.memvirt.lesson.yaml.Mark;
import org.memvirt.lesson.yaml.YamlMap;
import org.memvirt.lesson.yaml.YamlNode;
import org.memvirt.lesson.yaml.YamlScalar;

/**
 * Binds {@code chapters:} and their steps: the action (from {@link ActionTable}), narration with
 * its placeholders, highlights, the question, the expectations, the image and the walk to show.
 */
final class StepBinder {
    /** Steps a lesson may have: the player keeps every step's state. */
    static final int MAX_STEPS = 200_000;
    private static final List<String> CHAPTER_KEYS = List.of("title", "steps");
    private static final List<String> STEP_KEYS = List.of("title", "narration", "highlight", "question", "expect",
            "expectTotal", "image", "show");
    private static final List<String> QUESTION_KEYS = List.of("prompt", "choices", "answer", "explain");
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(\\s*([^)\\s]+)");

    private final Problems problems;
    private final SourceText source;
    private final StepContext context;
    private final AssetFolder assets;
    private final List<String> stepKeys;
    private int steps;
    private int firstBroken = Integer.MAX_VALUE;

    StepBinder(Problems problems, SourceText source, StepContext context, AssetFolder assets) {
        this.problems = problems;
        this.source = source;
        this.context = context;
        this.assets = assets;
        this.stepKeys = new ArrayList<>(STEP_KEYS);
        stepKeys.addAll(ActionTable.FORMS.keySet());
    }

    /** The number of the first step that could not be bound (later steps run on a diverged machine), or MAX_VALUE. */
    int firstBroken() {
        return firstBroken;
    }

    List<Chapter> bind(YamlNode node) {
        List<Chapter> chapters = new ArrayList<>();
        List<YamlNode> items = Fields.Scalars.items(node);
        if (items.isEmpty()) {
            problems.at(node, "'chapters' lists the lesson's chapters; it has none");
        }
        for (YamlNode item : items) {
            Fields f = Fields.of(item, "a chapter", problems, CHAPTER_KEYS);
            String title = f.require("title") ? f.text("title", "") : "";
            List<LessonStep> chapterSteps = new ArrayList<>();
            List<YamlNode> stepNodes = f.list("steps");
            if (stepNodes.isEmpty()) {
                problems.at(f.at(), "a chapter needs 'steps' (a list of at least one step)");
            }
            for (YamlNode s : stepNodes) {
                if (++steps > MAX_STEPS) {
                    problems.at(s, "a lesson has at most " + MAX_STEPS + " steps");
                    return chapters;
                }
                LessonStep step = step(s, chapters.size());
                if (step != null) {
                    chapterSteps.add(step);
                }
            }
            chapters.add(new Chapter(chapters.size(), title, chapterSteps, problems.where(f.at())));
        }
        return chapters;
    }

    private LessonStep step(YamlNode node, int chapter) {
        int before = problems.count();
        Fields f = Fields.of(node, "a step", problems, stepKeys);
        ActionTable.Bound bound = null;
        Mark actionAt = f.at();
        String actionKey = null;
        if (node instanceof YamlMap m) {
            for (YamlMap.Entry e : m.entries()) {
                ActionTable.Form form = ActionTable.FORMS.get(e.key());
                if (form == null) {
                    continue;
                }
                if (actionKey != null) {
                    problems.at(e.keyStart(), "a step takes one action; this one has '" + actionKey + "' and '"
                            + e.key() + "' (put the second in its own step)");
                    continue;
                }
                actionKey = e.key();
                actionAt = e.keyStart();
                bound = action(form, e.value());
            }
        }
        String title = f.text("title");
        NarrationTemplate narration = f.has("narration") ? template(f.node("narration"), "narration")
                : NarrationTemplate.EMPTY;
        List<Highlight> highlights = new ArrayList<>();
        for (YamlNode h : f.list("highlight")) {
            Highlight hl = Highlights.parse(h, problems);
            if (hl != null) {
                highlights.add(hl);
            }
        }
        Question question = f.has("question") ? question(f.node("question")) : null;
        List<Expectation> expectations = new ArrayList<>();
        if (f.has("expect")) {
            expectations.addAll(Expectations.parse(f.node("expect"), false, problems));
        }
        if (f.has("expectTotal")) {
            expectations.addAll(Expectations.parse(f.node("expectTotal"), true, problems));
        }
        if (actionKey == null && !expectations.isEmpty() && !f.hasUnknownKeys()) {
            problems.at(f.keyAt(f.has("expect") ? "expect" : "expectTotal"),
                    "a step without an action changes no counter; put the expectation on the step that acts");
        }
        String image = f.has("image") ? image(f.node("image")) : null;
        ShownWalk show = f.has("show") ? ShownWalkBinder.bind(f.node("show"), problems) : null;
        if (actionKey == null && narration.isEmpty() && question == null && node instanceof YamlMap
                && !f.hasUnknownKeys()) {
            problems.at(f.at(), "a step needs an action (" + String.join(", ", ActionTable.FORMS.keySet())
                    + ") or narration");
        }
        if (problems.count() > before || (actionKey != null && bound == null)) {
            firstBroken = Math.min(firstBroken, steps);
            return null;
        }
        String words = bound == null ? "" : bound.words();
        return new LessonStep(steps, chapter, title != null ? title : words.isEmpty() ? "(narration)" : words, words,
                bound == null ? null : bound.action(), narration, highlights, question, expectations, image,
                problems.where(f.at()), problems.where(actionAt), show);
    }

    private ActionTable.Bound action(ActionTable.Form form, YamlNode value) {
        YamlNode args = value;
        if (!(value instanceof YamlMap)) {
            if (value instanceof YamlScalar s && s.nullValue()) {
                args = new YamlMap(value.start(), value.end(), List.of(), 1);
            } else if (form.keys().isEmpty()) {
                problems.at(value, "'" + form.name() + "' takes no arguments: write '" + form.name()
                        + ":' with nothing after it");
                return null;
            } else if (value instanceof YamlScalar && form.shorthand() != null) {
                args = new YamlMap(value.start(), value.end(),
                        List.of(new YamlMap.Entry(form.shorthand(), value.start(), value)), 2);
            } else {
                problems.at(value, "'" + form.name() + "' takes a mapping of " + String.join(", ", form.keys())
                        + (form.shorthand() != null ? ", or just its " + form.shorthand() : "") + ", not "
                        + value.kind());
                return null;
            }
        }
        Fields a = Fields.of(args, "'" + form.name() + "'", problems, form.keys());
        return form.binder().bind(a, context);
    }

    private Question question(YamlNode node) {
        int before = problems.count();
        Fields f = Fields.of(node, "a question", problems, QUESTION_KEYS);
        NarrationTemplate prompt = f.require("prompt") ? template(f.node("prompt"), "prompt") : NarrationTemplate.EMPTY;
        List<String> choices = new ArrayList<>();
        for (YamlNode c : f.list("choices")) {
            String t = Fields.Scalars.text(c, "choices", problems);
            if (t != null) {
                choices.add(t.strip());
            }
        }
        if (f.has("choices") && (choices.size() < 2 || choices.size() > 8)) {
            problems.at(f.node("choices"), "a question offers 2 to 8 choices, not " + choices.size());
        }
        String answer = f.require("answer") ? f.text("answer", "") : "";
        int index = -1;
        if (!choices.isEmpty() && f.has("answer")) {
            for (int i = 0; i < choices.size(); i++) {
                if (choices.get(i).equalsIgnoreCase(answer.strip())) {
                    index = i;
                }
            }
            if (index < 0) {
                problems.at(f.node("answer"), "the answer '" + answer + "' is not one of the choices ("
                        + String.join(", ", choices) + ")");
            }
        }
        NarrationTemplate explain = f.has("explain") ? template(f.node("explain"), "explain") : NarrationTemplate.EMPTY;
        if (problems.count() > before) {
            return null;
        }
        return new Question(prompt, choices, index >= 0 ? choices.get(index) : answer.strip(), index, explain,
                problems.where(f.at()));
    }

    /** Splits text into literal parts and placeholders, each placeholder checked and located. */
    private NarrationTemplate template(YamlNode node, String key) {
        String text = Fields.Scalars.text(node, key, problems);
        if (text == null) {
            return NarrationTemplate.EMPTY;
        }
        YamlScalar scalar = (YamlScalar) node;
        checkImages(scalar, text);
        List<NarrationTemplate.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
                continue;
            }
            if (c == '}') {
                problems.at(place(scalar, "}", from).mark(), "a lone '}' in " + key + " (write }} for a brace)");
                literal.append(c);
                i++;
                continue;
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int close = text.indexOf('}', i);
            int nextOpen = text.indexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                problems.at(place(scalar, "{", from).mark(), "an unclosed '{' in " + key
                        + " (placeholders look like {hpa}; write {{ for a brace)");
                literal.append(c);
                i++;
                continue;
            }
            String name = text.substring(i + 1, close).strip();
            SourceText.Found found = place(scalar, "{" + text.substring(i + 1, close) + "}", from);
            from = found.after();
            if (!StepFacts.isKnown(name)) {
                String near = DidYouMean.closest(name, StepFacts.allNames());
                problems.at(found.mark(), "unknown placeholder {" + name + "}"
                        + (near != null ? "; did you mean {" + near + "}?" : " (docs/lesson-format.md lists them)"));
            }
            if (literal.length() > 0) {
                parts.add(new NarrationTemplate.Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(new NarrationTemplate.Placeholder(name, problems.where(found.mark())));
            i = close + 1;
        }
        if (literal.length() > 0) {
            parts.add(new NarrationTemplate.Literal(literal.toString()));
        }
        return new NarrationTemplate(parts);
    }

    /** Where {@code needle} is written inside the scalar, or the scalar's start when it cannot be found. */
    private SourceText.Found place(YamlScalar scalar, String needle, int from) {
        SourceText.Found f = source.find(scalar, needle, from);
        return f != null ? f : new SourceText.Found(scalar.start(), from);
    }

    private void checkImages(YamlScalar scalar, String text) {
        Matcher m = MARKDOWN_IMAGE.matcher(text);
        int from = 0;
        while (m.find()) {
            String target = m.group(1);
            SourceText.Found at = place(scalar, target, from);
            from = at.after();
            asset(target, at.mark());
        }
    }

    private String image(YamlNode node) {
        String t = Fields.Scalars.text(node, "image", problems);
        return t == null ? null : asset(t, node.start());
    }

    private String asset(String path, Mark at) {
        String why = AssetPaths.problem(path);
        if (why != null) {
            problems.at(at, "image " + why);
            return null;
        }
        String clean = AssetPaths.normalise(path);
        if (!assets.exists(clean)) {
            problems.at(at, "image '" + path + "' is not in the lesson's folder");
            return null;
        }
        return clean;
    }
}
