package org.memvirt.engine.memory;

/**
 * A fixed-size vector whose snapshots share structure: a 32-way radix tree in which every node
 * belongs to one {@link Epoch} generation. A write from a newer generation copies the path from
 * the root to the slot (a few hundred bytes), never the whole vector, so a history of many
 * thousands of steps over a large memory stays small.
 *
 * @param <T> the slot type; {@code null} is the empty slot
 */
public final class CowVector<T> {
    private static final int BITS = 5;
    private static final int WIDTH = 1 << BITS;
    private static final int MASK = WIDTH - 1;

    private final Epoch epoch;
    private final int size;
    private final int shift;
    private Node root;

    /** An empty vector of {@code size} slots. */
    public CowVector(Epoch epoch, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("vector size must be positive: " + size);
        }
        this.epoch = epoch;
        this.size = size;
        int s = 0;
        while ((1L << (s + BITS)) < size) {
            s += BITS;
        }
        this.shift = s;
        this.root = new Node(epoch.current());
    }

    /** The number of slots. */
    public int size() {
        return size;
    }

    /** The slot's value, or null. */
    public T get(int index) {
        checkIndex(index);
        return valueAt(root, shift, index);
    }

    /** Sets the slot, copying only the nodes that a snapshot may still see. */
    public void set(int index, T value) {
        checkIndex(index);
        long now = epoch.current();
        if (root.epoch != now) {
            root = root.copy(now);
        }
        Node node = root;
        for (int s = shift; s > 0; s -= BITS) {
            int i = (index >>> s) & MASK;
            Node child = (Node) node.slots[i];
            if (child == null) {
                child = new Node(now);
            } else if (child.epoch != now) {
                child = child.copy(now);
            }
            node.slots[i] = child;
            node = child;
        }
        node.slots[index & MASK] = value;
    }

    /**
     * An immutable view of the current contents; later writes do not show through it. Freezing
     * starts a new generation of the shared {@link Epoch}, so the nodes the view sees are copied
     * before they are written again.
     */
    public Frozen<T> freeze() {
        Frozen<T> view = new Frozen<>(root, shift, size);
        epoch.advance();
        return view;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("slot " + index + " outside 0.." + (size - 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T valueAt(Node root, int shift, int index) {
        Node node = root;
        for (int s = shift; s > 0; s -= BITS) {
            node = (Node) node.slots[(index >>> s) & MASK];
            if (node == null) {
                return null;
            }
        }
        return (T) node.slots[index & MASK];
    }

    /**
     * A read-only view of a vector as it was when frozen.
     *
     * @param <T> the slot type
     */
    public static final class Frozen<T> {
        private final Node root;
        private final int shift;
        private final int size;

        private Frozen(Node root, int shift, int size) {
            this.root = root;
            this.shift = shift;
            this.size = size;
        }

        /** The number of slots. */
        public int size() {
            return size;
        }

        /** The slot's value when frozen, or null. */
        public T get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("slot " + index + " outside 0.." + (size - 1));
            }
            return valueAt(root, shift, index);
        }
    }

    private static final class Node {
        final long epoch;
        final Object[] slots;

        Node(long epoch) {
            this(epoch, new Object[WIDTH]);
        }

        private Node(long epoch, Object[] slots) {
            this.epoch = epoch;
            this.slots = slots;
        }

        Node copy(long now) {
            return new Node(now, slots.clone());
        }
    }
}
