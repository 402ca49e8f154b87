package hk.post.ecert.counter.it;

import hk.post.ecert.counter.infrastructure.ca.CaKeystores;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The counter's WAR on Payara Micro for the integration tests (issue 32): one server shared by every test class of
 * the run that can share it, started by the first and stopped when the run ends, so the run pays one start instead of
 * one per class. A class whose steps change what the others rely on (it closes the office day, or its clerk's till
 * from open to closed) is marked {@link OwnServer} and gets a server of its own for its duration.
 *
 * <p>Test classes run two at a time (failsafe's {@code counter.it.parallel}, 2 unless told; 1 runs them one after
 * another). Classes on the shared server hold the lock {@link #SHARED} (they drive the same demo terminal and till),
 * so one of them runs beside a class with a server of its own. Each class's {@code @Order} says when it starts: one
 * worker takes the classes from the lowest number up (the longest, RenewalCase, first), the other from the highest
 * down (as JUnit's fork-join pool was seen to hand them out), so the shared server's classes are numbered last and run
 * one after another on the second worker while the first serves classes with servers of their own, and neither
 * waits for the lock. Only the
 * class whose {@link OwnServer#receivesMail()} is set has its server send notices to the tests' SMTP port; every other
 * server sends them to a port where nothing listens, as before when that class's SMTP server ran alone.
 *
 * <p>The server is started as the Arquillian container started it: the same Payara Micro, the same WAR and the same
 * options ({@code payara.cmdOptions}, {@code payara.extraMicroOptions}), on a free port of the loopback. Its output
 * is kept in {@code target/counter-server-<name>.log}. The test's field {@code URL base} is set to its address.
 */
final class CounterServer implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor {

    /** The class gets a server of its own, started before its first test and stopped after its last. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface OwnServer {
        /** Its server sends its notices to the tests' SMTP port ({@code counter.it.smtp-port}), where the class receives them. */
        boolean receivesMail() default false;

        /**
         * When above 0, the server's database pool is cut to this many connections once the WAR is deployed (the start
         * itself, with Flyway, may use more), and a request waits at most 5 s for one.
         */
        int poolConnections() default 0;
    }

    /** The connection pool of the test servers' embedded database. */
    static final String POOL = "H2Pool";

    /** The lock of the shared server: the classes running on it hold it, one at a time. */
    static final String SHARED = "counter-server-shared";

    private static Running shared;
    private static final Map<Class<?>, Running> OWN = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> c = context.getRequiredTestClass();
        if (AnnotationSupport.isAnnotated(c, OwnServer.class)) {
            OwnServer own = c.getAnnotation(OwnServer.class);
            OWN.put(c, Running.start(c.getSimpleName(), own.receivesMail(), own.poolConnections()));
            return;
        }
        synchronized (CounterServer.class) {
            if (shared == null) {
                Running r = Running.start("shared", false, 0);
                shared = r;
                // closed when the whole run ends
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("counter-server-shared",
                        (ExtensionContext.Store.CloseableResource) r::stop);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Running r = OWN.remove(context.getRequiredTestClass());
        if (r != null) {
            r.stop();
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        URL url = of(testInstance.getClass());
        for (Class<?> k = testInstance.getClass(); k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (f.getName().equals("base") && f.getType() == URL.class) {
                    f.setAccessible(true);
                    f.set(testInstance, url);
                    return;
                }
            }
        }
    }

    private static final Map<String, Path> KEYS = new ConcurrentHashMap<>();

    /** The key directory of the server at {@code base} (its operators' token, its receipt keys). */
    static Path keyDir(Object base) {
        return KEYS.getOrDefault(base.toString(), Operators.IT_KEYS);
    }

    /** The address of the server this test class runs against. */
    static URL of(Class<?> testClass) {
        Running r = OWN.get(testClass);
        return (r != null ? r : shared).base;
    }

    /** The test servers' JVM flags ({@code counter.it.serverJvm}), for a class that starts a server of its own making. */
    static List<String> serverJvm() {
        return words(System.getProperty("counter.it.serverJvm", ""));
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /** One Payara Micro process serving the WAR. */
    private static final class Running {
        final String name;
        final Process process;
        final URL base;

        private Running(String name, Process process, URL base) {
            this.name = name;
            this.process = process;
            this.base = base;
        }

        static Running start(String name, boolean receivesMail, int poolConnections) throws Exception {
            int port = freePort();
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(words(System.getProperty("payara.cmdOptions", "")));
            // each server its own keys (the last -D of a name wins): servers that run at once each keep their own database,
            // and one rotating its receipt key must not destroy the file another signs with
            Path keys = name.equals("shared") ? Operators.IT_KEYS : Path.of("target", "it-ca-" + name);
            // its CA keystore a copy of one made once in this JVM: at C1 a server spent 5–18 s making the CA's RSA keys
            CaKeystores.copyInto(keys);
            cmd.add("-Dcounter.ca.dir=" + keys.toAbsolutePath());
            if (!receivesMail) {
                cmd.add("-Dcounter.mail.port=" + freePort());   // nothing listens there: its notices wait to be sent
            }
            cmd.add("-jar");
            cmd.add(required("payara.microJar"));
            cmd.add("--deploy");
            cmd.add(new File(System.getProperty("counter.war", "target/ROOT.war")).getAbsolutePath());
            cmd.add("--port");
            cmd.add(String.valueOf(port));
            cmd.addAll(words(System.getProperty("payara.extraMicroOptions", "--nohazelcast --disablephonehome")));
            Path log = Path.of("target", "counter-server-" + name + ".log");
            Files.createDirectories(log.getParent());
            if (poolConnections > 0) {
                // the embedded database's pool (jdbc/__default) of the test servers
                Path after = Path.of("target", "counter-server-" + name + ".postdeploy.asadmin");
                Files.writeString(after, "set resources.jdbc-connection-pool." + POOL + ".steady-pool-size=" + poolConnections + "\n"
                        + "set resources.jdbc-connection-pool." + POOL + ".max-pool-size=" + poolConnections + "\n"
                        + "set resources.jdbc-connection-pool." + POOL + ".max-wait-time-in-millis=5000\n");
                cmd.add("--postdeploycommandfile");
                cmd.add(after.toAbsolutePath().toString());
            }
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URL base = URI.create("http://localhost:" + port + "/").toURL();
            Running r = new Running(name, p, base);
            KEYS.put(base.toString(), keys);
            Runtime.getRuntime().addShutdownHook(new Thread(r::stop));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (!ready(base)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the counter server (" + name + ") ended before it was ready: see " + log);
                }
                if (System.nanoTime() > deadline) {
                    r.stop();
                    throw new IllegalStateException("the counter server (" + name + ") was not ready in 300 s: see " + log);
                }
                Thread.sleep(100);   // polling the server's own answer, not waiting on a guess
            }
            System.out.printf("counter server (%s) ready at %s in %.1f s%n", name, base, (System.nanoTime() - t0) / 1e9);
            return r;
        }

        private static boolean ready(URL base) {
            try {
                HttpURLConnection c = (HttpURLConnection) new URL(base, "login.xhtml").openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(10_000);
                try {
                    return c.getResponseCode() == 200;
                } finally {
                    c.disconnect();
                }
            } catch (IOException notYet) {
                return false;
            }
        }

        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }

        private static String required(String property) {
            String v = System.getProperty(property);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException("system property " + property + " is not set (see counter-server/pom.xml)");
            }
            return v;
        }

    }
}
