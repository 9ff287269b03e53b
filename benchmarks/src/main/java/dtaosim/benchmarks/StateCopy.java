package dtaosim.benchmarks;

import dtaosim.engine.state.BatchState;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Resets a {@link BatchState} to a pristine twin without allocating: copies every primitive array field and
 * every mutable field (primitives through their typed accessors, so nothing is boxed; references such as the
 * immutable protocol parameters as they are). Found by reflection once, so a field added to {@code BatchState}
 * later is reset too. Keeping the arrays (instead of building a new state per iteration) leaves nothing but the
 * kernels on {@code -prof gc}'s allocation count.
 */
final class StateCopy {
    private final Field[] arrays;
    private final Field[] mutableFields;

    StateCopy() {
        final List<Field> arrayFields = new ArrayList<>();
        final List<Field> otherFields = new ArrayList<>();
        for (final Field field : BatchState.class.getDeclaredFields()) {
            final int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers)) {
                continue;
            }
            final Class<?> type = field.getType();
            if (type.isArray() && type.getComponentType().isPrimitive()) {
                arrayFields.add(field);
            } else if (!Modifier.isFinal(modifiers)) {
                field.setAccessible(true);
                otherFields.add(field);
            }
        }
        arrays = arrayFields.toArray(new Field[0]);
        mutableFields = otherFields.toArray(new Field[0]);
    }

    /** Copies {@code from} into {@code to}; both must have the same sizes. */
    void copy(final BatchState from, final BatchState to) {
        try {
            for (final Field field : arrays) {
                final Object source = field.get(from);
                if (source != null) {
                    System.arraycopy(source, 0, field.get(to), 0, Array.getLength(source));
                }
            }
            for (final Field field : mutableFields) {
                final Class<?> type = field.getType();
                if (type == int.class) {
                    field.setInt(to, field.getInt(from));
                } else if (type == long.class) {
                    field.setLong(to, field.getLong(from));
                } else if (type == double.class) {
                    field.setDouble(to, field.getDouble(from));
                } else if (type == boolean.class) {
                    field.setBoolean(to, field.getBoolean(from));
                } else if (!type.isPrimitive()) {
                    field.set(to, field.get(from));
                } else {
                    throw new IllegalStateException("BatchState." + field.getName() + ": " + type
                            + " fields are not reset; extend StateCopy");
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
