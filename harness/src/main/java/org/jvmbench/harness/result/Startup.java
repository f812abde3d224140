package org.jvmbench.harness.result;

/**
 * How the fork's JVMs started: from launch to the first answered request, and the memory they
 * held at that moment. With several processes started together on the same CPUs, the slowest
 * says when the configuration could serve, the sum what all the starts cost.
 *
 * @param processes              JVMs of the fork
 * @param firstAnswerSeconds     launch to the first answered {@code /info}, the slowest process
 * @param firstAnswerSecondsSum  the same, summed over processes
 * @param rssBytesAtFirstAnswer  resident memory of all processes right after every one answered
 */
public record Startup(int processes, double firstAnswerSeconds, double firstAnswerSecondsSum, long rssBytesAtFirstAnswer) {
}
