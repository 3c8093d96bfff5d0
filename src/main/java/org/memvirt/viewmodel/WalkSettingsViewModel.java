package org.memvirt.viewmodel;

import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;

/**
 * The controls above the walk: mode, levels, page sizes, caches and the address. The view binds
 * its controls to the writable properties; {@link #settingsProperty()} follows them as one value.
 * When the guest levels change and the address is the default of the old level count, the
 * address moves to the new default, so 4 → 5 levels never leaves a 48-bit address behind.
 */
public final class WalkSettingsViewModel {
    private final ObjectProperty<PagingMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final ObjectProperty<Integer> guestLevels = new SimpleObjectProperty<>(this, "guestLevels");
    private final ObjectProperty<Integer> hostLevels = new SimpleObjectProperty<>(this, "hostLevels");
    private final ObjectProperty<PageSize> guestPage = new SimpleObjectProperty<>(this, "guestPage");
    private final ObjectProperty<PageSize> hostPage = new SimpleObjectProperty<>(this, "hostPage");
    private final BooleanProperty tlb = new SimpleBooleanProperty(this, "tlb");
    private final BooleanProperty walkCache = new SimpleBooleanProperty(this, "walkCache");
    private final BooleanProperty repeatAccess = new SimpleBooleanProperty(this, "repeatAccess");
    private final StringProperty addressText = new SimpleStringProperty(this, "addressText");
    private final ReadOnlyStringWrapper addressError = new ReadOnlyStringWrapper(this, "addressError", "");
    private final ReadOnlyObjectWrapper<WalkSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final BooleanBinding hostSettingsApply = mode.isEqualTo(PagingMode.NESTED);
    private long gva;

    /** Controls showing {@code initial}. */
    public WalkSettingsViewModel(WalkSettings initial) {
        mode.set(initial.mode());
        guestLevels.set(initial.guestLevels());
        hostLevels.set(initial.hostLevels());
        guestPage.set(initial.guestPage());
        hostPage.set(initial.hostPage());
        tlb.set(initial.tlb());
        walkCache.set(initial.walkCache());
        repeatAccess.set(initial.repeatAccess());
        gva = initial.gva();
        addressText.set(HexAddress.grouped(gva));
        guestLevels.addListener((obs, old, now) -> {
            if (old != null && now != null && gva == WalkSettings.defaultAddress(old)) {
                gva = WalkSettings.defaultAddress(now);
                addressText.set(HexAddress.grouped(gva));
            }
            settings.set(current());
        });
        settings.set(current());
        for (var p : List.of(mode, hostLevels, guestPage, hostPage, tlb, walkCache, repeatAccess)) {
            p.addListener(obs -> settings.set(current()));
        }
    }

    public ObjectProperty<PagingMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Integer> guestLevelsProperty() {
        return guestLevels;
    }

    public ObjectProperty<Integer> hostLevelsProperty() {
        return hostLevels;
    }

    public ObjectProperty<PageSize> guestPageProperty() {
        return guestPage;
    }

    public ObjectProperty<PageSize> hostPageProperty() {
        return hostPage;
    }

    public BooleanProperty tlbProperty() {
        return tlb;
    }

    public BooleanProperty walkCacheProperty() {
        return walkCache;
    }

    public BooleanProperty repeatAccessProperty() {
        return repeatAccess;
    }

    /** The address as typed; {@link #applyAddress()} takes it. */
    public StringProperty addressTextProperty() {
        return addressText;
    }

    /** Why the typed address was refused; empty when it was taken. */
    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }

    /** Whether the host-side controls mean anything (nested mode). */
    public BooleanBinding hostSettingsApplyBinding() {
        return hostSettingsApply;
    }

    /** All the settings as one value; changes whenever a control does. */
    public ReadOnlyObjectProperty<WalkSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public WalkSettings getSettings() {
        return settings.get();
    }

    /** Takes the typed address, or explains in {@link #addressErrorProperty()} why not. */
    public void applyAddress() {
        try {
            gva = HexAddress.parse(addressText.get());
        } catch (IllegalArgumentException e) {
            addressError.set(e.getMessage());
            return;
        }
        addressText.set(HexAddress.grouped(gva));
        addressError.set("");
        settings.set(current());
    }

    private WalkSettings current() {
        return new WalkSettings(mode.get(), guestLevels.get(), hostLevels.get(), guestPage.get(), hostPage.get(),
                tlb.get(), walkCache.get(), repeatAccess.get(), gva);
    }
}
