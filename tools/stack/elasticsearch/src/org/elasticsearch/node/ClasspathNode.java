package org.elasticsearch.node;

import io.wirestream.stack.RootEndpointPlugin;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Elasticsearch node from the Maven Central jars (server + transport-netty4), without the distribution's
 * CLI, modules directory or entitlement agent.
 *
 *   java -cp 'launcher:jars/*' org.elasticsearch.node.ClasspathNode path.home=DIR http.port=9201 ...
 *
 * Every argument is a node setting {@code key=value}. In this package because {@code NodeConstruction} and
 * {@code NodeServiceProvider} (the hook that lets us hand the node our own plugins service) are package-private.
 */
public final class ClasspathNode {
    private static final List<Class<? extends Plugin>> PLUGINS = List.of(Netty4Plugin.class, RootEndpointPlugin.class);

    private ClasspathNode() {}

    public static void main(String[] args) throws Exception {
        long startedAt = System.nanoTime();
        Settings.Builder builder = Settings.builder();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected key=value, got: " + arg);
            builder.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Settings settings = builder.build();
        String home = settings.get("path.home");
        if (home == null) throw new IllegalArgumentException("path.home=DIR is required");
        Path configDir = Path.of(home, "config");
        if (!Files.isRegularFile(configDir.resolve("log4j2.properties"))) {
            throw new IllegalArgumentException(configDir.resolve("log4j2.properties") + " is missing");
        }

        Environment environment = new Environment(settings, configDir);
        // Reads config/log4j2.properties (the stack tool puts a console-only one there).
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(settings));
        LogConfigurator.configure(environment, true);
        NodeServiceProvider services = new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, PluginsLoader unused) {
                return new ClasspathPluginsService(env.settings(), env.configDir(), PLUGINS);
            }
        };
        Node node = new Node(NodeConstruction.prepareConstruction(environment, ClasspathPluginsService.noBundles(), services, true));

        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.prepareForClose();
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "classpath-node-shutdown"));

        node.start();
        System.out.printf("ClasspathNode: started in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        // The node's threads are daemons; the main thread keeps the JVM alive until SIGTERM runs the hook.
        closed.await();
    }
}
