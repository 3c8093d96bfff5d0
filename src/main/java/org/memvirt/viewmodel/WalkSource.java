package org.memvirt.viewmodel;

/** Where the walk screen gets the walk of one access for a choice of settings. */
@FunctionalInterface
public interface WalkSource {
    /**
     * The walk of the access that {@code settings} describe.
     *
     * @throws ScenarioFailure when the configuration cannot run
     */
    TranslationWalk walk(WalkSettings settings);
}
