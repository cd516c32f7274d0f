ARG BASE=scratch
FROM ${BASE}
ARG A=one
ARG EMPTY=
ENV B=${A:-x}two C="${UNSET:-dflt}" D=${A:+alt} E=${EMPTY:-e} G='$A' H="q\"x\$y" K=a\ b
ENV I=$B J=${B}_$C
LABEL multi="a \
  # comment inside
  b" other=x
WORKDIR /a/$A
WORKDIR rel
USER ${A}:${UNSET:-grp}
EXPOSE 80 ${A:+443/udp}
