/** The squashed view of an image: layers applied with whiteouts, links resolved inside the root. */
package dev.bulwark.engine.tree;
