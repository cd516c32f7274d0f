package dev.bulwark.engine.scan;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.distro.DistroDetector;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.hardening.HistoryRedaction;
import dev.bulwark.engine.hardening.ImageNotables;
import dev.bulwark.engine.hardening.LayerNotables;
import dev.bulwark.engine.hardening.NotableFiles;
import dev.bulwark.engine.hardening.NotableSquash;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.LayerInfo;
import dev.bulwark.engine.layer.CatalogerResult;
import dev.bulwark.engine.layer.EntryListener;
import dev.bulwark.engine.layer.LayerFacts;
import dev.bulwark.engine.layer.LayerIndex;
import dev.bulwark.engine.layer.LayerReader;
import dev.bulwark.engine.layer.LayerSecrets;
import dev.bulwark.engine.layer.LayerStreams;
import dev.bulwark.engine.secret.ImageConfigSecrets;
import dev.bulwark.engine.secret.SecretScanner;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Indexes an image: reads each layer at most once (in parallel, streaming, never to disk), answers unchanged layers
 * from the cache, checks every layer against its diffID, and assembles the inventory. With a secret scanner in the
 * options, every layer's files (those a later layer deletes too) and the image configuration are scanned for secrets
 * in the same pass; with hardening on, every entry of every layer is shown to a {@link NotableFiles} collector, and
 * the layers' notables are squashed into {@link ScanResult#notables()}. A layer blob is read only when something the
 * scan needs of it (index, a cataloger's result, secrets, notables) is not in the cache.
 */
public final class ImageScanner {
    /** Bumped when what the layer index records changes. */
    static final int INDEX_VERSION = 1;
    /** Bumped when what {@link NotableFiles} records (its rules or its encoding) changes. */
    static final int NOTABLES_VERSION = 1;
    /** What the layer list shows for a history line that holds a secret the secret scanner found. */
    static final String HIDDEN_HISTORY = "(hidden: this history line holds a secret; see the secret findings)";

    private final List<Cataloger> catalogers;
    private final LayerCache cache;
    private final ScanOptions options;
    private final ScanListener listener;
    private final LayerReader reader;

    /**
     * @param cache the layer cache, or null to read every layer
     */
    public ImageScanner(List<Cataloger> catalogers, LayerCache cache, ScanOptions options, ScanListener listener) {
        this.catalogers = List.copyOf(catalogers);
        this.cache = cache;
        this.options = options;
        this.listener = listener;
        this.reader = new LayerReader(DistroDetector.FILES, options.spoolDirectory(), options.secrets());
    }

    public Inventory scan(Image image) {
        return index(image).inventory();
    }

    /** The inventory and, when the options enable them, the secrets and the notable files of the image. */
    public ScanResult index(Image image) {
        List<Layer> layers = image.layers();
        List<LayerFacts> facts = new ArrayList<>(layers.size());
        List<LayerNotables> notables = new ArrayList<>(layers.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.parallelism(),
                layers.size())), r -> {
                    Thread t = new Thread(r, "bulwark-layer");
                    t.setDaemon(true);
                    return t;
                });
        try {
            // Largest blobs first: the biggest layer bounds the wall time, so it must not wait behind small ones.
            // Results are still collected in layer order.
            List<Future<Scanned>> futures = new ArrayList<>(java.util.Collections.nCopies(layers.size(), null));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                order.add(i);
            }
            order.sort(java.util.Comparator.comparingLong((Integer i) -> layers.get(i).blob().size()).reversed());
            for (int i : order) {
                Layer layer = layers.get(i);
                futures.set(i, pool.submit(() -> layerFacts(image, layer)));
            }
            for (Future<Scanned> f : futures) {
                Scanned scanned = f.get();
                facts.add(scanned.facts());
                notables.add(scanned.notables());
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BulwarkException be) {
                throw be;
            }
            throw new BulwarkException(ErrorKind.INTERNAL, image.name() + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulwarkException(ErrorKind.INTERNAL, image.name() + ": interrupted");
        } finally {
            pool.shutdownNow();
        }
        ImageConfig config = image.config();
        SecretScanner secrets = options.secrets();
        List<SecretFinding> found = secrets == null ? List.of()
                : new ArrayList<>(new ImageConfigSecrets(secrets).scan(config));
        // History lines the secret scanner flagged are not repeated in the layer list; build-argument credentials
        // are masked in every line, whether or not secrets are scanned.
        java.util.Set<String> flagged = new java.util.HashSet<>();
        for (SecretFinding f : found) {
            int i = ImageConfigSecrets.historyIndex(f);
            if (i >= 0 && i < config.history().size() && config.history().get(i).createdBy() != null) {
                flagged.add(config.history().get(i).createdBy());
            }
        }
        List<LayerInfo> infos = new ArrayList<>();
        for (Layer l : layers) {
            String createdBy = l.createdBy() != null && flagged.contains(l.createdBy())
                    ? HIDDEN_HISTORY : HistoryRedaction.redact(l.createdBy());
            infos.add(new LayerInfo(l.index(), l.diffId().toString(), l.blob().digest().toString(), l.blob().size(),
                    createdBy));
        }
        Inventory.Target target = new Inventory.Target("image", image.name(),
                image.manifestDigest() == null ? null : image.manifestDigest().toString(),
                image.configDigest() == null ? null : image.configDigest().toString(), image.repoTags(),
                config.os(), config.architecture());
        ImageNotables squashed = options.hardening()
                ? NotableSquash.squash(notables, layers.stream().map(l -> l.diffId().toString()).toList()) : null;
        if (secrets == null) {
            return new ScanResult(InventoryAssembler.assemble(target, infos, facts, catalogers), List.of(), squashed);
        }
        Inventory inventory = InventoryAssembler.assembleWithSecrets(target, infos, facts, catalogers, found);
        return new ScanResult(inventory, found, squashed);
    }

    /** One layer's facts and, with hardening on, its notable files (else null). */
    private record Scanned(LayerFacts facts, LayerNotables notables) {
    }

    private Scanned layerFacts(Image image, Layer layer) {
        Digest diffId = layer.diffId();
        boolean trusted = cache != null && cache.isVerified(diffId, layer.blob().digest());
        Optional<LayerIndex> cachedIndex = trusted ? cache.index(diffId, INDEX_VERSION) : Optional.empty();
        Map<String, CatalogerResult> results = new LinkedHashMap<>();
        List<Cataloger> missing = new ArrayList<>();
        for (Cataloger c : catalogers) {
            Optional<CatalogerResult> r = trusted ? cache.result(diffId, c.name(), c.version()) : Optional.empty();
            if (r.isPresent()) {
                results.put(c.name(), r.get());
            } else {
                missing.add(c);
            }
        }
        SecretScanner secrets = options.secrets();
        Optional<LayerSecrets> cachedSecrets = secrets != null && trusted
                ? cache.secrets(diffId, secrets.rules().version()) : Optional.empty();
        boolean secretsMissing = secrets != null && cachedSecrets.isEmpty();
        Optional<LayerNotables> cachedNotables = options.hardening() && trusted
                ? cache.notables(diffId, NOTABLES_VERSION) : Optional.empty();
        boolean notablesMissing = options.hardening() && cachedNotables.isEmpty();
        if (cachedIndex.isPresent() && missing.isEmpty() && !secretsMissing && !notablesMissing) {
            listener.layerStarted(layer, true);
            listener.layerFinished(layer);
            return new Scanned(new LayerFacts(cachedIndex.get(), results, cachedSecrets.orElse(null)),
                    cachedNotables.orElse(null));
        }
        listener.layerStarted(layer, false);
        NotableFiles collector = notablesMissing ? new NotableFiles() : null;
        LayerFacts read = read(image, layer, missing, secretsMissing, collector == null ? null : collector::accept);
        LayerSecrets layerSecrets = secretsMissing ? read.secrets() : cachedSecrets.orElse(null);
        LayerNotables layerNotables = collector != null ? collector.build() : cachedNotables.orElse(null);
        if (cache != null) {
            if (secretsMissing) {
                cache.putSecrets(diffId, secrets.rules().version(), read.secrets());
            }
            if (collector != null) {
                cache.putNotables(diffId, NOTABLES_VERSION, layerNotables);
            }
            cache.putIndex(diffId, INDEX_VERSION, read.index());
            read.catalogers().forEach((name, r) -> {
                Cataloger c = catalogers.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                cache.putResult(diffId, name, c.version(), r);
            });
            cache.markVerified(diffId, layer.blob().digest());
        }
        results.putAll(read.catalogers());
        listener.layerFinished(layer);
        return new Scanned(new LayerFacts(read.index(), results, layerSecrets), layerNotables);
    }

    private LayerFacts read(Image image, Layer layer, List<Cataloger> toRun, boolean scanSecrets,
            EntryListener entries) {
        String label = "layer " + layer.diffId().algorithm() + ":" + layer.diffId().shortHex();
        String where = image.name() + ": layer " + layer.index() + " (" + layer.blob().digest() + ")";
        try (InputStream blob = new BufferedInputStream(new ProgressStream(image.openLayer(layer), layer, listener),
                1 << 16)) {
            // A verified, uncompressed blob whose digest is the diffID has had its diffID checked already.
            boolean checked = image.verifiesBlobs() && layer.blob().digest().equals(layer.diffId())
                    && LayerStreams.sniff(blob) == LayerStreams.Compression.NONE;
            MessageDigest diffDigest = checked ? null : layer.diffId().newMessageDigest();
            InputStream tar = LayerStreams.uncompressed(blob, options.maxLayerBytes(), diffDigest);
            LayerFacts facts = reader.read(tar, label, toRun, scanSecrets, entries);
            tar.transferTo(OutputStream.nullOutputStream()); // tar padding, then the compressed stream's end
            blob.transferTo(OutputStream.nullOutputStream()); // and anything after it, so the digest is checked
            if (diffDigest != null && !layer.diffId().matches(diffDigest.digest())) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, where + ": uncompressed content does not match"
                        + " diff_id " + layer.diffId());
            }
            return facts;
        } catch (BulwarkException e) {
            throw e.getMessage().startsWith(image.name()) ? e
                    : new BulwarkException(e.kind(), where + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new BulwarkException(LayerErrors.kind(e, image), where + ": " + LayerErrors.describe(e), e);
        }
    }
}
