package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.lesson.yaml.Mark;
import org.memvirt.lesson.yaml.YamlNode;

/**
 * The VMs and processes a lesson declares, and how steps name them: by name or by number, and
 * left out when there is only one VM (or, for a process, to mean the one running).
 */
final class Topology {
    private final boolean nativeMode;
    private final List<VmSetup> vms;

    Topology(boolean nativeMode, List<VmSetup> vms) {
        this.nativeMode = nativeMode;
        this.vms = List.copyOf(vms);
    }

    boolean nativeMode() {
        return nativeMode;
    }

    List<VmSetup> vms() {
        return vms;
    }

    VmSetup vm(int id) {
        for (VmSetup v : vms) {
            if (v.id() == id) {
                return v;
            }
        }
        throw new IllegalArgumentException("no VM " + id);
    }

    /** The VM {@code ref} names (null: the only VM), or null after reporting why not. */
    Integer vmId(YamlNode ref, Mark at, Problems problems) {
        if (vms.isEmpty()) {
            return null;
        }
        if (ref == null) {
            if (vms.size() == 1) {
                return vms.get(0).id();
            }
            problems.at(at, "which VM? this machine has " + vms.size() + " (" + names() + "): say vm: NAME");
            return null;
        }
        String t = Fields.Scalars.text(ref, "vm", problems);
        if (t == null) {
            return null;
        }
        for (VmSetup v : vms) {
            if (v.name().equals(t.strip()) || String.valueOf(v.id()).equals(t.strip())) {
                return v.id();
            }
        }
        problems.at(ref, (nativeMode ? "a native machine has no VM '" : "no VM '") + t + "'"
                + DidYouMean.hint(t.strip(), vmNames()));
        return null;
    }

    /** The process {@code ref} names in VM {@code vm} (null: {@code running}), or null after reporting why not. */
    Integer pid(int vm, YamlNode ref, int running, Problems problems) {
        if (ref == null) {
            return running;
        }
        String t = Fields.Scalars.text(ref, "process", problems);
        if (t == null) {
            return null;
        }
        VmSetup v = vm(vm);
        List<String> processes = v.processes();
        for (int i = 0; i < processes.size(); i++) {
            if (processes.get(i).equals(t.strip()) || String.valueOf(i + 1).equals(t.strip())) {
                return i + 1;
            }
        }
        problems.at(ref, "no process '" + t + "' in " + (nativeMode ? "this machine" : "VM " + v.name())
                + DidYouMean.hint(t.strip(), processes));
        return null;
    }

    private List<String> vmNames() {
        List<String> names = new ArrayList<>();
        for (VmSetup v : vms) {
            names.add(v.name());
        }
        return names;
    }

    private String names() {
        return String.join(", ", vmNames());
    }
}
