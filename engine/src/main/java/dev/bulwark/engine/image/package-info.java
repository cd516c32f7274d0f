/** Image model: references to blobs by digest, manifests, indexes, configs, layers and the ImageSource extension point. */
package dev.bulwark.engine.image;
