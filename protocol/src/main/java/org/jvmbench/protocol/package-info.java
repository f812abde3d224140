/**
 * What the three processes of a benchmark say to each other, as plain records: the apps'
 * {@code /info} body ({@link org.jvmbench.protocol.info.InfoBody}), the injector's phase
 * command and result ({@link org.jvmbench.protocol.phase}), and the one codec of latency
 * histograms ({@link org.jvmbench.protocol.Histograms}). Each side binds these records with its
 * own Jackson, so a field is added in one place and every side sees it.
 */
package org.jvmbench.protocol;
