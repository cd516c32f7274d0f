ARG TAG=ignored-in-stage
ARG NAME=global
FROM scratch AS base
ARG NAME
ARG TAG
ENV FROM_BASE=$NAME-${TAG:-none} SHADOW=env
ARG SHADOW=arg
ENV SEEN=$SHADOW
FROM base AS final
ENV CHILD="$FROM_BASE+${NAME:-unset}" SEEN2=$SEEN
LABEL "quoted key"="v" legacy=yes
ENV LEGACY the rest of the line
