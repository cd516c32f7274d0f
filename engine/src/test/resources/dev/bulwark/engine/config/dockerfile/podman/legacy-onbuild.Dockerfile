FROM scratch
ENV A=1
ENV B ${A} and  two   spaces
ENV A=2 C=$A
ONBUILD ENV X=$A
WORKDIR /x
WORKDIR ../y/./z
EXPOSE 53/udp 7000-7002
