/* reads raw doubles from stdin (binary), writes fd_log(x), fd_exp(x) raw */
#include <stdio.h>
double fd_log(double); double fd_exp(double);
int main(){ double x, r[2]; while(fread(&x,8,1,stdin)==1){ r[0]=fd_log(x); r[1]=fd_exp(x); fwrite(r,8,2,stdout);} return 0; }
