package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.common.settings.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plugins service whose plugins are classes already on the JVM classpath, instead of bundles unpacked under
 * modules/ and plugins/. Lives in this package because the loaded-plugin record and {@code loadPlugin} are package-private.
 */
public final class ClasspathPluginsService extends PluginsService {
    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Settings settings, Path configDir, List<Class<? extends Plugin>> pluginClasses) {
        super(settings, configDir, noBundles());
        List<LoadedPlugin> loaded = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            PluginDescriptor descriptor = new PluginDescriptor(
                pluginClass.getSimpleName(),
                "loaded from the classpath by the Wirestream stack tool",
                Build.current().version(),
                Build.current().version(),
                "21",
                pluginClass.getName(),
                null,
                List.of(),
                false,
                false,
                false,
                false,
                PluginDescriptor.DeploymentTarget.ALL
            );
            loaded.add(new LoadedPlugin(descriptor, loadPlugin(pluginClass, settings, configDir), pluginClass.getClassLoader()));
        }
        loadExtensions(loaded);
        this.classpathPlugins = List.copyOf(loaded);
    }

    /** A loader with no module or plugin bundles (the public factory needs the server as a named module, which it is not here). */
    public static PluginsLoader noBundles() {
        return new PluginsLoader(Set.of(), Set.of(), Map.of());
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }
}
