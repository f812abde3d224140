package org.jvmbench.harness.cli;

import org.jvmbench.harness.settings.ProfileMode;
import java.time.Duration;
import java.util.function.Function;
import org.jvmbench.harness.plan.DurationText;
import org.jvmbench.harness.settings.App;
import org.jvmbench.harness.settings.CpuSet;
import org.jvmbench.harness.settings.Engine;
import org.jvmbench.harness.settings.Gc;
import org.jvmbench.harness.settings.HeapSize;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line's values as types, parsed by the same parsers as sweep files, so a flag
 * and a key accept the same text and refuse it with the same sentence: durations
 * ({@code 30s}), heap sizes ({@code 512m}), CPU lists (checked against this machine), apps,
 * engines, buffer pools and collectors. Commands receive the values, never text to parse again.
 */
final class TypeConverters {

    private TypeConverters() {
    }

    static CommandLine register(CommandLine cli) {
        return cli.registerConverter(Duration.class, of(DurationText::parse))
                .registerConverter(HeapSize.class, of(HeapSize::parse))
                .registerConverter(CpuSet.class, of(text -> CpuSet.parse(text, Runtime.getRuntime().availableProcessors())))
                .registerConverter(App.class, of(App::parse))
                .registerConverter(Engine.class, of(Engine::parse))
                .registerConverter(Gc.class, of(Gc::parse))
                .registerConverter(ProfileMode.class, of(ProfileMode::parse));
    }

    /** A parser whose one-sentence IllegalArgumentException becomes picocli's conversion failure, message kept. */
    private static <T> ITypeConverter<T> of(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }
}
