# escape=`
FROM scratch
LABEL x="1 `
 2" `
  y=3
# the continuation below has a comment line and an indented comment inside
LABEL z="a`
# dropped
    # dropped too
b"
EXPOSE 8080/tcp `
       9090
