package com.revos.voice.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's null-safety check can fail (ADR 0020): small sources are compiled here with the very Error Prone and
 * NullAway options the parent pom gives every module's main code ({@code nullaway.compilerArg}, passed in by
 * surefire), so a change that silences NullAway fails this test instead of passing unnoticed.
 */
class NullSafetyCheckTest {

    private static final String MARKED_PACKAGE = "@org.jspecify.annotations.NullMarked package fixture;";

    @TempDir
    Path classes;

    @Test
    void a_null_returned_from_null_marked_code_fails_the_compile() {
        var result = compile(Map.of(
                "fixture/package-info.java", MARKED_PACKAGE,
                "fixture/Greeting.java", """
                        package fixture;
                        public class Greeting {
                            public static String name() {
                                return null;
                            }
                        }
                        """));

        assertThat(result.compiled()).isFalse();
        assertThat(result.errors()).anySatisfy(error -> assertThat(error)
                .contains("[NullAway]")
                .contains("returning @Nullable expression from method with @NonNull return type"));
    }

    @Test
    void a_dereferenced_nullable_value_fails_the_compile() {
        var result = compile(Map.of(
                "fixture/package-info.java", MARKED_PACKAGE,
                "fixture/Greeting.java", """
                        package fixture;
                        import org.jspecify.annotations.Nullable;
                        public class Greeting {
                            static @Nullable String nickname() {
                                return null;
                            }
                            public static int length() {
                                return nickname().length();
                            }
                        }
                        """));

        assertThat(result.compiled()).isFalse();
        assertThat(result.errors()).anySatisfy(error -> assertThat(error)
                .contains("[NullAway]").contains("dereferenced expression 'nickname()' is @Nullable"));
    }

    @Test
    void an_absent_value_declared_nullable_and_checked_compiles() {
        var result = compile(Map.of(
                "fixture/package-info.java", MARKED_PACKAGE,
                "fixture/Greeting.java", """
                        package fixture;
                        import org.jspecify.annotations.Nullable;
                        public class Greeting {
                            static @Nullable String nickname() {
                                return null;
                            }
                            public static int length() {
                                var nickname = nickname();
                                return nickname == null ? 0 : nickname.length();
                            }
                        }
                        """));

        assertThat(result.errors()).isEmpty();
        assertThat(result.compiled()).isTrue();
    }

    @Test
    void code_outside_null_marked_packages_compiles_unchanged() {
        var result = compile(Map.of("fixture/Greeting.java", """
                package fixture;
                public class Greeting {
                    public static String name() {
                        return null;
                    }
                }
                """));

        assertThat(result.errors()).isEmpty();
        assertThat(result.compiled()).isTrue();
    }

    private Result compile(Map<String, String> sources) {
        var nullAway = System.getProperty("nullaway.compilerArg");
        assertThat(nullAway).as("surefire passes the parent pom's nullaway.compilerArg").isNotBlank()
                .contains("-Xep:NullAway:ERROR");
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var units = new ArrayList<JavaFileObject>();
        sources.forEach((path, text) -> units.add(new Source(path, text)));
        var classpath = System.getProperty("java.class.path");
        var options = List.of("-d", classes.toString(), "-classpath", classpath, "-processorpath", classpath,
                "-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", nullAway);
        var compiled = compiler.getTask(null, null, diagnostics, options, null, units).call();
        var errors = diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map(diagnostic -> diagnostic.getMessage(Locale.ROOT)).toList();
        return new Result(compiled, errors);
    }

    private record Result(boolean compiled, List<String> errors) {
    }

    private static final class Source extends SimpleJavaFileObject {

        private final String text;

        Source(String path, String text) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

}
