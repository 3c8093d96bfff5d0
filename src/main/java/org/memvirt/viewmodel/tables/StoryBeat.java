package org.memvirt.viewmodel.tables;

/**
 * One beat of the "what just happened" strip: guest store → trap → emulated store → shadow entry
 * updated → resume, and the like.
 *
 * @param number  its place in the strip, from 1
 * @param kind    what it is
 * @param actor   who does it (decides its colour; the view prints the word too)
 * @param title   a few words: "Trap: VM exit EXCEPTION_NMI (0)"
 * @param detail  one line more, may be empty
 * @param warning whether it is a fault or a walk that stopped (drawn with a warning icon)
 */
public record StoryBeat(int number, BeatKind kind, Actor actor, String title, String detail, boolean warning) {
}
