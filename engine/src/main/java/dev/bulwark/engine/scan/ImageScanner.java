package dev.bulwark.engine.scan;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.distro.DistroDetector;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.LayerInfo;
import dev.bulwark.engine.layer.CatalogerResult;
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
 * in the same pass.
 */
public final class ImageScanner {
    /** Bumped when what the layer index records changes. */
    static final int INDEX_VERSION = 1;

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

    /** The inventory and, when the options enable it, the secrets of the image. */
    public ScanResult index(Image image) {
        List<Layer> layers = image.layers();
        List<LayerFacts> facts = new ArrayList<>(layers.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.parallelism(),
                layers.size())), r -> {
                    Thread t = new Thread(r, "bulwark-layer");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<LayerFacts>> futures = new ArrayList<>();
            for (Layer layer : layers) {
                futures.add(pool.submit(() -> layerFacts(image, layer)));
            }
            for (Future<LayerFacts> f : futures) {
                facts.add(f.get());
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
        List<LayerInfo> infos = new ArrayList<>();
        for (Layer l : layers) {
            infos.add(new LayerInfo(l.index(), l.diffId().toString(), l.blob().digest().toString(), l.blob().size(),
                    l.createdBy()));
        }
        Inventory.Target target = new Inventory.Target("image", image.name(),
                image.manifestDigest() == null ? null : image.manifestDigest().toString(),
                image.configDigest() == null ? null : image.configDigest().toString(), image.repoTags(),
                config.os(), config.architecture());
        SecretScanner secrets = options.secrets();
        if (secrets == null) {
            return new ScanResult(InventoryAssembler.assemble(target, infos, facts, catalogers), List.of());
        }
        List<SecretFinding> found = new ArrayList<>(new ImageConfigSecrets(secrets).scan(config));
        Inventory inventory = InventoryAssembler.assembleWithSecrets(target, infos, facts, catalogers, found);
        return new ScanResult(inventory, found);
    }

    private LayerFacts layerFacts(Image image, Layer layer) {
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
        if (cachedIndex.isPresent() && missing.isEmpty() && !secretsMissing) {
            listener.layerStarted(layer, true);
            listener.layerFinished(layer);
            return new LayerFacts(cachedIndex.get(), results, cachedSecrets.orElse(null));
        }
        listener.layerStarted(layer, false);
        LayerFacts read = read(image, layer, missing, secretsMissing);
        LayerSecrets layerSecrets = secretsMissing ? read.secrets() : cachedSecrets.orElse(null);
        if (cache != null) {
            if (secretsMissing) {
                cache.putSecrets(diffId, secrets.rules().version(), read.secrets());
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
        return new LayerFacts(read.index(), results, layerSecrets);
    }

    private LayerFacts read(Image image, Layer layer, List<Cataloger> toRun, boolean scanSecrets) {
        String label = "layer " + layer.diffId().algorithm() + ":" + layer.diffId().shortHex();
        String where = image.name() + ": layer " + layer.index() + " (" + layer.blob().digest() + ")";
        try (InputStream blob = new BufferedInputStream(new ProgressStream(image.openLayer(layer), layer, listener),
                1 << 16)) {
            // A verified, uncompressed blob whose digest is the diffID has had its diffID checked already.
            boolean checked = image.verifiesBlobs() && layer.blob().digest().equals(layer.diffId())
                    && LayerStreams.sniff(blob) == LayerStreams.Compression.NONE;
            MessageDigest diffDigest = checked ? null : layer.diffId().newMessageDigest();
            InputStream tar = LayerStreams.uncompressed(blob, options.maxLayerBytes(), diffDigest);
            LayerFacts facts = reader.read(tar, label, toRun, scanSecrets);
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
