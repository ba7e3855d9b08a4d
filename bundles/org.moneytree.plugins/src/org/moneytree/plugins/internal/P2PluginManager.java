package org.moneytree.plugins.internal;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.internal.provisional.configurator.Configurator;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IEngine;
import org.eclipse.equinox.p2.engine.IPhaseSet;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.PhaseSetFactory;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.engine.query.UserVisibleRootQuery;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.query.IQueryResult;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.moneytree.api.plugin.Plugin;
import org.moneytree.api.plugin.PluginException;
import org.moneytree.api.plugin.PluginFailure;
import org.moneytree.api.plugin.PluginManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Installs and removes plugin features in the running product's own p2 profile, the way the p2 director
 * does: plan with the planner, perform with the engine, then have the simple configurator apply the bundle list
 * p2 wrote to the running framework (installing and starting, or stopping and removing, the plugin's bundles).
 */
@Component(service = PluginManager.class)
public final class P2PluginManager implements PluginManager {

    private static final String FEATURE_GROUP = ".feature.group";

    private final BundleContext context;
    private final ServiceComponentRuntime components;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(agent.current=true)")
    private volatile IProvisioningAgent agent;

    /**
     * The simple configurator, which applies the bundle list p2 wrote to the running framework: what Eclipse's
     * "apply changes now" does, so that a plugin installed from a long-running process (the web console) starts, and
     * one uninstalled stops, without a restart. Absent in a framework started without it (the tests' own).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Configurator configurator;

    @Activate
    public P2PluginManager(BundleContext context, @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
    }

    @Override
    public List<Plugin> installed() throws PluginException {
        IProfile profile = self(requireAgent());
        Set<IInstallableUnit> roots = profile.query(new UserVisibleRootQuery(), null).toUnmodifiableSet();
        List<Plugin> plugins = new ArrayList<>();
        for (IInstallableUnit unit : profile.query(QueryUtil.createIUGroupQuery(), null)) {
            if (unit.getId().endsWith(FEATURE_GROUP)) {
                String id = unit.getId().substring(0, unit.getId().length() - FEATURE_GROUP.length());
                String name = unit.getProperty(IInstallableUnit.PROP_NAME, null);
                plugins.add(new Plugin(id, unit.getVersion().toString(), name == null ? id : name,
                        !roots.contains(unit)));
            }
        }
        plugins.sort(Comparator.comparing(Plugin::featureId));
        return plugins;
    }

    @Override
    public String install(String featureId, URI updateSite) throws PluginException {
        IProvisioningAgent provisioning = requireAgent();
        String unitId = unitId(featureId);
        IProfile profile = self(provisioning);
        if (!profile.query(QueryUtil.createIUQuery(unitId), null).isEmpty()) {
            throw new PluginException(featureId(unitId) + " is already installed");
        }
        IMetadataRepositoryManager metadata = provisioning.getService(IMetadataRepositoryManager.class);
        IArtifactRepositoryManager artifacts = provisioning.getService(IArtifactRepositoryManager.class);
        boolean metadataKnown = metadata.contains(updateSite);
        boolean artifactsKnown = artifacts.contains(updateSite);
        NullProgressMonitor monitor = new NullProgressMonitor();
        try {
            IMetadataRepository repository;
            try {
                repository = metadata.loadRepository(updateSite, monitor);
                artifacts.loadRepository(updateSite, monitor);
            } catch (ProvisionException e) {
                throw new PluginException("no update site at " + updateSite + ": " + e.getMessage(), e);
            }
            IQueryResult<IInstallableUnit> found = repository
                    .query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(unitId)), monitor);
            if (found.isEmpty()) {
                throw new PluginException("the update site " + updateSite + " has no feature " + featureId(unitId)
                        + "; it has: " + String.join(", ", featuresOn(repository)));
            }
            IInstallableUnit unit = found.iterator().next();
            IPlanner planner = provisioning.getService(IPlanner.class);
            IProfileChangeRequest request = planner.createChangeRequest(profile);
            request.add(unit);
            request.setInstallableUnitProfileProperty(unit, IProfile.PROP_PROFILE_ROOT_IU, Boolean.TRUE.toString());
            perform(provisioning, planner, request, new URI[] { updateSite }, "install " + featureId(unitId));
            return "Installed " + featureId(unitId) + " " + unit.getVersion() + " from " + updateSite + "; "
                    + (apply() ? "it is active now." : "it is active from the next command on.");
        } finally {
            if (!metadataKnown) {
                metadata.removeRepository(updateSite);
            }
            if (!artifactsKnown) {
                artifacts.removeRepository(updateSite);
            }
        }
    }

    @Override
    public String uninstall(String featureId) throws PluginException {
        IProvisioningAgent provisioning = requireAgent();
        String unitId = unitId(featureId);
        IProfile profile = self(provisioning);
        Set<IInstallableUnit> installed = profile.query(QueryUtil.createIUQuery(unitId), null).toUnmodifiableSet();
        if (installed.isEmpty()) {
            throw new PluginException("no plugin " + featureId(unitId) + " is installed");
        }
        Set<IInstallableUnit> roots = profile.query(new UserVisibleRootQuery(), null).toUnmodifiableSet();
        if (!roots.containsAll(installed)) {
            throw new PluginException(featureId(unitId) + " is part of the product and cannot be uninstalled");
        }
        IPlanner planner = provisioning.getService(IPlanner.class);
        IProfileChangeRequest request = planner.createChangeRequest(profile);
        request.removeAll(installed);
        perform(provisioning, planner, request, new URI[0], "uninstall " + featureId(unitId));
        return "Uninstalled " + featureId(unitId) + "; "
                + (apply() ? "it is gone now." : "it is gone from the next command on.");
    }

    /**
     * Applies the bundle list p2 has just written to the running framework; {@code false} when that cannot be done
     * here, and the change waits for the next start.
     */
    private boolean apply() {
        Configurator current = configurator;
        if (current == null) {
            return false;
        }
        try {
            current.applyConfiguration();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void perform(IProvisioningAgent provisioning, IPlanner planner, IProfileChangeRequest request,
            URI[] repositories, String what) throws PluginException {
        NullProgressMonitor monitor = new NullProgressMonitor();
        ProvisioningContext provisioningContext = new ProvisioningContext(provisioning);
        provisioningContext.setMetadataRepositories(repositories);
        provisioningContext.setArtifactRepositories(repositories);
        IProvisioningPlan plan = planner.getProvisioningPlan(request, provisioningContext, monitor);
        check(plan.getStatus(), "cannot " + what);
        IPhaseSet phases = PhaseSetFactory.createDefaultPhaseSetExcluding(new String[] { PhaseSetFactory.PHASE_CHECK_TRUST });
        IEngine engine = provisioning.getService(IEngine.class);
        if (plan.getInstallerPlan() != null) {
            check(engine.perform(plan.getInstallerPlan(), phases, monitor), "cannot " + what);
        }
        check(engine.perform(plan, phases, monitor), "cannot " + what);
    }

    private static void check(IStatus status, String what) throws PluginException {
        if (status.getSeverity() == IStatus.ERROR || status.getSeverity() == IStatus.CANCEL) {
            StringBuilder message = new StringBuilder(what).append(": ").append(status.getMessage());
            for (IStatus child : status.getChildren()) {
                message.append("; ").append(child.getMessage());
            }
            throw new PluginException(message.toString(), status.getException());
        }
    }

    private static List<String> featuresOn(IMetadataRepository repository) {
        List<String> features = new ArrayList<>();
        for (IInstallableUnit unit : repository.query(QueryUtil.createIUGroupQuery(), null)) {
            if (unit.getId().endsWith(FEATURE_GROUP)) {
                features.add(featureId(unit.getId()));
            }
        }
        features.sort(null);
        return features;
    }

    private IProvisioningAgent requireAgent() throws PluginException {
        IProvisioningAgent current = agent;
        if (current == null) {
            throw new PluginException("p2 is not running in this installation, so plugins cannot be managed here");
        }
        return current;
    }

    private static IProfile self(IProvisioningAgent provisioning) throws PluginException {
        IProfile profile = provisioning.getService(IProfileRegistry.class).getProfile(IProfileRegistry.SELF);
        if (profile == null) {
            throw new PluginException("this installation has no p2 profile (eclipse.p2.profile is not set)");
        }
        return profile;
    }

    private static String unitId(String featureId) {
        return featureId.endsWith(FEATURE_GROUP) ? featureId : featureId + FEATURE_GROUP;
    }

    private static String featureId(String unitId) {
        return unitId.substring(0, unitId.length() - FEATURE_GROUP.length());
    }

    @Override
    public List<PluginFailure> failures() {
        List<PluginFailure> failures = new ArrayList<>();
        FrameworkStartLevel framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkStartLevel.class);
        int frameworkLevel = framework == null ? Integer.MAX_VALUE : framework.getStartLevel();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
            // a bundle above the framework's level is not meant to run now (the console's web server, for
            // commands other than console): stopped, not failed
            if (startLevel == null || !startLevel.isPersistentlyStarted() || startLevel.getStartLevel() > frameworkLevel) {
                continue;
            }
            if (bundle.getState() == Bundle.INSTALLED) {
                failures.add(new PluginFailure(bundle.getSymbolicName(), "",
                        "cannot be resolved: a bundle or package it needs is missing"));
            } else if (bundle.getState() == Bundle.RESOLVED) {
                String reason = startFailure(bundle);
                if (reason != null) {
                    failures.add(new PluginFailure(bundle.getSymbolicName(), "", reason));
                }
            }
        }
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failures.add(new PluginFailure(description.bundle.symbolicName, description.name,
                            configuration.failure == null ? "activation failed" : rootCause(configuration.failure)));
                }
            }
        }
        return failures;
    }

    /**
     * Why a bundle that should run is only resolved: its activator's exception, found by starting it again;
     * {@code null} when it starts this time.
     */
    private static String startFailure(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT | Bundle.START_ACTIVATION_POLICY);
            return null;
        } catch (BundleException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "did not start: " + cause;
        }
    }

    /** The innermost exception of a stack trace as Declarative Services reports it, in one line. */
    private static String rootCause(String stackTrace) {
        String cause = null;
        for (String line : stackTrace.split("\\R")) {
            if (cause == null) {
                cause = line.strip();
            } else if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length()).strip();
            }
        }
        return cause == null ? "activation failed" : cause;
    }
}
